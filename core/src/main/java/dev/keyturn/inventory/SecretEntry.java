package dev.keyturn.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One logical secret of the inventory.
 *
 * @param name taxonomy name, e.g. {@code CF_DNS_EDIT_RAXX_APP}
 * @param source where the value lives (Secrets Manager or SSM); null only in an unlinted file
 * @param tags the four taxonomy tag dimensions
 * @param environments environments the secret exists in (prod, staging, dev, ...)
 * @param scope {@code account} for account-wide tokens, else null
 * @param devAnalog why a dev value exists (e.g. "Stripe test-mode key"); required for dev
 * @param generator how rotation produces a new value; null when keyturn does not generate it
 * @param expiresAt raw {@code expiresAt}: ISO-8601 UTC instant, {@code non-expiring}, or null
 * @param scopes vendor permission strings
 * @param review who reviewed a critical token
 * @param sinks where the value is published
 * @param sources one source per environment (prod, staging, ...) for an entry whose environments
 *     hold different values (taxonomy rule 1); empty when {@code source} serves the entry
 */
public record SecretEntry(
    String name,
    Source source,
    Tags tags,
    List<String> environments,
    String scope,
    String devAnalog,
    GeneratorSpec generator,
    String expiresAt,
    List<String> scopes,
    String review,
    List<Sink> sinks,
    Map<String, Source> sources) {

  public static final String ACCOUNT_SCOPE = "account";
  public static final String PROD = "prod";

  /**
   * For an entry with per-environment sources, {@code source} is prod's (else the first one), so
   * what reads one source (rotation, status) reads prod's.
   */
  public SecretEntry {
    environments = List.copyOf(environments);
    scopes = List.copyOf(scopes);
    sinks = List.copyOf(sinks);
    sources =
        sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    if (source == null && !sources.isEmpty()) {
      source = sources.getOrDefault(PROD, sources.values().iterator().next());
    }
  }

  /** An entry with one source for every environment it lists. */
  public SecretEntry(
      String name,
      Source source,
      Tags tags,
      List<String> environments,
      String scope,
      String devAnalog,
      GeneratorSpec generator,
      String expiresAt,
      List<String> scopes,
      String review,
      List<Sink> sinks) {
    this(
        name,
        source,
        tags,
        environments,
        scope,
        devAnalog,
        generator,
        expiresAt,
        scopes,
        review,
        sinks,
        Map.of());
  }

  /** Whether each environment has a source of its own. */
  public boolean perEnvironment() {
    return !sources.isEmpty();
  }

  /** Whether one account-wide token serves every environment (taxonomy rule 2). */
  public boolean accountWide() {
    return ACCOUNT_SCOPE.equals(scope);
  }

  /**
   * Where the value for an environment lives: the single source; for per-environment entries the
   * environment's own source; an account-wide entry is read from prod in every environment (seed
   * 002 §3 rule 2). Null when the environment has no source.
   *
   * @param env the environment, or null for the entry's single (or prod) source
   */
  public Source sourceFor(String env) {
    if (sources.isEmpty() || env == null) {
      return source;
    }
    Source own = sources.get(env);
    if (own == null && accountWide()) {
      return sources.get(PROD);
    }
    return own;
  }

  /** Every source of the entry, once each. */
  public List<Source> allSources() {
    if (sources.isEmpty()) {
      return source == null ? List.of() : List.of(source);
    }
    return sources.values().stream().distinct().toList();
  }

  public Optional<GeneratorSpec> generatorSpec() {
    return Optional.ofNullable(generator);
  }

  /** The expiry as an instant, empty when absent, non-expiring or unparseable. */
  public Optional<java.time.Instant> expiry() {
    return Expiry.parse(expiresAt).flatMap(Expiry::instant);
  }

  public List<Sink.Heroku> herokuSinks() {
    return sinks.stream()
        .filter(Sink.Heroku.class::isInstance)
        .map(Sink.Heroku.class::cast)
        .toList();
  }

  public List<Sink.Github> githubSinks() {
    return sinks.stream()
        .filter(Sink.Github.class::isInstance)
        .map(Sink.Github.class::cast)
        .toList();
  }

  public List<Sink.Cloudflare> cloudflareSinks() {
    return sinks.stream()
        .filter(Sink.Cloudflare.class::isInstance)
        .map(Sink.Cloudflare.class::cast)
        .toList();
  }

  public List<Sink.Dotenv> dotenvSinks() {
    return sinks.stream()
        .filter(Sink.Dotenv.class::isInstance)
        .map(Sink.Dotenv.class::cast)
        .toList();
  }
}
