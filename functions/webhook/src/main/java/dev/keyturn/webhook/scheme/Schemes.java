package dev.keyturn.webhook.scheme;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The registry of signature schemes, by the names webhook sources use in the inventory. */
public final class Schemes {

  /**
   * How to build one scheme: the options it accepts, the key types it can use, and a factory that
   * reads the options (the key type already read and checked, {@link SchemeOptions#keyType}).
   */
  private record Definition(
      Set<String> options,
      Set<KeyType> keyTypes,
      BiFunction<SchemeOptions, KeyType, AbstractScheme> factory) {

    Definition {
      Set<String> withKeyType = new HashSet<>(options);
      withKeyType.add(KeyType.OPTION);
      options = Set.copyOf(withKeyType);
    }

    /** A scheme that signs no timestamp: its only option is its replay window. */
    static Definition withoutOptions(Supplier<AbstractScheme> constructor) {
      return new Definition(
          Set.of(SchemeOptions.REPLAY_TTL),
          HMAC_ONLY,
          (options, keyType) -> {
            options.replayTtl();
            return constructor.get();
          });
    }

    static Definition withTolerance(Function<SchemeOptions, AbstractScheme> factory) {
      return new Definition(
          Set.of(SchemeOptions.TOLERANCE_SECONDS),
          HMAC_ONLY,
          (options, keyType) -> factory.apply(options));
    }
  }

  private static final Set<KeyType> HMAC_ONLY = Set.of(KeyType.HMAC);

  private static final Map<String, Definition> DEFINITIONS = definitions();

  private Schemes() {}

  private static Map<String, Definition> definitions() {
    Map<String, Definition> definitions = new LinkedHashMap<>();
    definitions.put(
        StandardWebhooksScheme.NAME,
        new Definition(
            Set.of(SchemeOptions.TOLERANCE_SECONDS),
            Set.of(KeyType.HMAC, KeyType.ED25519_PUBLIC),
            StandardWebhooksScheme::from));
    definitions.put(StripeScheme.NAME, Definition.withTolerance(StripeScheme::from));
    definitions.put(SlackScheme.NAME, Definition.withTolerance(SlackScheme::from));
    definitions.put(GitHubScheme.NAME, Definition.withoutOptions(GitHubScheme::new));
    definitions.put(HerokuScheme.NAME, Definition.withoutOptions(HerokuScheme::new));
    definitions.put(ShopifyScheme.NAME, Definition.withoutOptions(ShopifyScheme::new));
    definitions.put(FreeScoutScheme.NAME, Definition.withoutOptions(FreeScoutScheme::new));
    definitions.put(
        GenericHmacScheme.NAME,
        new Definition(
            withReplayTtl(GenericHmacScheme.OPTIONS),
            HMAC_ONLY,
            (options, keyType) -> {
              options.replayTtl();
              return GenericHmacScheme.from(options);
            }));
    return Collections.unmodifiableMap(definitions);
  }

  private static Set<String> withReplayTtl(Set<String> options) {
    Set<String> all = new HashSet<>(options);
    all.add(SchemeOptions.REPLAY_TTL);
    return all;
  }

  /**
   * The replay window a source sets with {@code replayTtl} ({@code 30d}, {@code 48h}, {@code 90m}),
   * or null when it sets none or the value is invalid (validation reports that).
   */
  public static java.time.Duration replayTtl(Map<String, String> options) {
    String value = options == null ? null : options.get(SchemeOptions.REPLAY_TTL);
    return value == null ? null : SchemeOptions.parseReplayTtl(value);
  }

  /** Every scheme name, in a stable order. */
  public static Set<String> names() {
    return DEFINITIONS.keySet();
  }

  /**
   * A ready scheme. Create once per configured source and reuse it.
   *
   * @throws UnknownSchemeException if no scheme has this name
   * @throws InvalidSchemeOptionsException naming the first bad option
   */
  public static SignatureScheme create(String name, Map<String, String> options) {
    return build(name, options);
  }

  /** The signing side of a scheme, for tests and the CLI demo. Same errors as {@link #create}. */
  public static WebhookSigner signer(String name, Map<String, String> options) {
    return build(name, options);
  }

  /**
   * Every problem with a webhook source's scheme and options, for the inventory linter; empty when
   * {@link #create} would succeed. Messages name options, never their values.
   */
  public static List<String> validateOptions(String name, Map<String, String> options) {
    Definition definition = name == null ? null : DEFINITIONS.get(name);
    if (definition == null) {
      return List.of("unknown webhook signature scheme '" + name + "'; known: " + names());
    }
    SchemeOptions reader = new SchemeOptions(name, options, definition.options());
    definition.factory().apply(reader, reader.keyType(definition.keyTypes()));
    return reader.problems().stream().map(SchemeOptions.Problem::message).toList();
  }

  private static AbstractScheme build(String name, Map<String, String> options) {
    Definition definition = name == null ? null : DEFINITIONS.get(name);
    if (definition == null) {
      throw new UnknownSchemeException(name);
    }
    SchemeOptions reader = new SchemeOptions(name, options, definition.options());
    AbstractScheme scheme =
        definition.factory().apply(reader, reader.keyType(definition.keyTypes()));
    if (reader.hasProblems()) {
      SchemeOptions.Problem first = reader.problems().getFirst();
      throw new InvalidSchemeOptionsException(name, first.option(), first.message());
    }
    return scheme;
  }
}
