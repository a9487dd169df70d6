package dev.keyturn.webhook.verify;

import dev.keyturn.secrets.SecretValue;
import dev.keyturn.webhook.scheme.InvalidSchemeOptionsException;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.scheme.SignatureScheme;
import dev.keyturn.webhook.scheme.SlackScheme;
import dev.keyturn.webhook.scheme.StandardWebhooksScheme;
import dev.keyturn.webhook.scheme.StripeScheme;
import dev.keyturn.webhook.scheme.UnknownSchemeException;
import dev.keyturn.webhook.scheme.VerificationResult;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import dev.keyturn.webhook.scheme.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One webhook source's signature check, built from its inventory fields: the scheme with its
 * options, and how long a delivery key must be remembered to catch a replay. The Lambda and {@code
 * keyturn verify-webhook} both verify through this class, so they cannot disagree.
 */
public final class DeliveryCheck {

  /** The option every timestamped scheme reads; the inventory keeps it as its own field. */
  public static final String TOLERANCE_OPTION = "toleranceSeconds";

  /** Default replay window for schemes that sign no timestamp (see {@link #replayTtl()}). */
  public static final Duration DEFAULT_UNTIMED_REPLAY_TTL = Duration.ofDays(7);

  /** Schemes whose signature covers a timestamp checked against a tolerance window. */
  static final Set<String> TIMESTAMPED =
      Set.of(StandardWebhooksScheme.NAME, StripeScheme.NAME, SlackScheme.NAME);

  /** The schemes' own default tolerance when the inventory sets none. */
  static final long DEFAULT_TOLERANCE_SECONDS = 300;

  private final SignatureScheme scheme;
  private final Duration replayTtl;

  private DeliveryCheck(SignatureScheme scheme, Duration replayTtl) {
    this.scheme = scheme;
    this.replayTtl = replayTtl;
  }

  /**
   * The check for a source.
   *
   * @param schemeName the inventory's {@code scheme}
   * @param options the inventory's scheme options
   * @param toleranceSeconds the inventory's {@code toleranceSeconds}, or null for the default
   * @param untimedReplayTtl how long to remember deliveries of schemes without a signed timestamp
   * @throws UnknownSchemeException if no scheme has this name
   * @throws InvalidSchemeOptionsException naming the first bad option
   */
  public static DeliveryCheck of(
      String schemeName,
      Map<String, String> options,
      Integer toleranceSeconds,
      Duration untimedReplayTtl) {
    Map<String, String> merged = schemeOptions(options, toleranceSeconds);
    SignatureScheme scheme = Schemes.create(schemeName, merged);
    return new DeliveryCheck(scheme, replayTtl(schemeName, merged, untimedReplayTtl));
  }

  /** {@link #of} with the default replay window for untimed schemes. */
  public static DeliveryCheck of(String schemeName, Map<String, String> options) {
    return of(schemeName, options, null, DEFAULT_UNTIMED_REPLAY_TTL);
  }

  /** The scheme options an inventory entry implies: its options plus its tolerance, if set. */
  public static Map<String, String> schemeOptions(
      Map<String, String> options, Integer toleranceSeconds) {
    Map<String, String> merged = new HashMap<>(options == null ? Map.of() : options);
    if (toleranceSeconds != null) {
      merged.put(TOLERANCE_OPTION, Integer.toString(toleranceSeconds));
    }
    return merged;
  }

  /**
   * Twice the tolerance for timestamped schemes: a delivery older than the tolerance fails its
   * timestamp check anyway, and twice covers clock skew in both directions. Schemes without a
   * signed timestamp accept a captured delivery forever, so their keys are kept for a long window
   * that outlasts every provider's retry schedule (days, not minutes): the source's {@code
   * replayTtl}, else the function's default. A captured delivery replayed after it is accepted.
   */
  private static Duration replayTtl(
      String schemeName, Map<String, String> options, Duration untimedReplayTtl) {
    if (!TIMESTAMPED.contains(schemeName)) {
      Duration own = Schemes.replayTtl(options);
      return own != null ? own : untimedReplayTtl;
    }
    String tolerance = options.get(TOLERANCE_OPTION);
    long seconds =
        tolerance == null ? DEFAULT_TOLERANCE_SECONDS : Long.parseLong(tolerance.strip());
    return Duration.ofSeconds(2 * seconds);
  }

  /**
   * Verifies a delivery against the live versions of its secret; never throws for request content.
   */
  public VerificationResult verify(WebhookRequest request, List<String> candidates, Instant now) {
    return scheme.verify(request, candidates, now);
  }

  /**
   * Which of the secret's retired versions signed a delivery its live versions refused, if one did:
   * the sender lags behind a rotation ({@code STALE_SECRET}), as opposed to a forgery. Only names
   * the version; a retired version never makes a delivery verify.
   *
   * @param retired versions that lost their labels ({@link SecretVersionsCache#retiredVersions})
   */
  public Optional<String> retiredSigner(
      WebhookRequest request, List<SecretValue> retired, Instant now) {
    if (retired.isEmpty()) {
      return Optional.empty();
    }
    VerificationResult result =
        scheme.verify(request, retired.stream().map(SecretValue::value).toList(), now);
    return result instanceof Verified v
        ? Optional.of(retired.get(v.matchedCandidate()).versionId())
        : Optional.empty();
  }

  public String schemeName() {
    return scheme.name();
  }

  /** The header the scheme reads the signature from ({@link SignatureScheme#signatureHeader()}). */
  public String signatureHeader() {
    return scheme.signatureHeader();
  }

  /** Whether the scheme signs a timestamp (and so bounds replays by itself). */
  public boolean signsTimestamp() {
    return TIMESTAMPED.contains(scheme.name());
  }

  /** How long the replay guard remembers a delivery key of this source. */
  public Duration replayTtl() {
    return replayTtl;
  }

  @Override
  public String toString() {
    return "DeliveryCheck[" + scheme.name() + ", replayTtl=" + replayTtl + "]";
  }
}
