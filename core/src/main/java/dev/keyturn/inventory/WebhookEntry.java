package dev.keyturn.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * One inbound webhook source.
 *
 * @param source the URL path segment ({@code POST /webhooks/{source}})
 * @param scheme the signature scheme, e.g. {@code standard-webhooks}, {@code stripe}
 * @param secret the name of the {@link SecretEntry} that holds the signing secret
 * @param toleranceSeconds timestamp tolerance for schemes that sign one; null for the default
 * @param options scheme options (sibling keys in the file, e.g. {@code header}, {@code algorithm})
 * @param sender the sender keyturn pushes a rotated secret to, or null when the sender has no API
 *     (left out of the stored JSON then, so entries without one keep their stored form)
 * @param overlapGrace how long the replaced secret version stays accepted after the rotation is
 *     confirmed, as written in the file (an ISO-8601 duration such as {@code PT1H}); null for the
 *     default {@link #DEFAULT_OVERLAP_GRACE} (left out of the stored JSON then)
 */
public record WebhookEntry(
    String source,
    String scheme,
    String secret,
    Integer toleranceSeconds,
    Map<String, String> options,
    @JsonInclude(JsonInclude.Include.NON_NULL) SenderBinding sender,
    @JsonInclude(JsonInclude.Include.NON_NULL) String overlapGrace) {

  /** The overlap when {@code overlapGrace} is not set. */
  public static final Duration DEFAULT_OVERLAP_GRACE = Duration.ofHours(1);

  @JsonCreator
  public WebhookEntry {
    options = Map.copyOf(options);
  }

  /** A source whose sender keyturn cannot reach (FreeScout, Stripe, Slack, ...). */
  public WebhookEntry(
      String source,
      String scheme,
      String secret,
      Integer toleranceSeconds,
      Map<String, String> options) {
    this(source, scheme, secret, toleranceSeconds, options, null, null);
  }

  /** A source with the default overlap grace. */
  public WebhookEntry(
      String source,
      String scheme,
      String secret,
      Integer toleranceSeconds,
      Map<String, String> options,
      SenderBinding sender) {
    this(source, scheme, secret, toleranceSeconds, options, sender, null);
  }

  /**
   * The overlap grace: {@link #DEFAULT_OVERLAP_GRACE} when not set. A value the linter rejects (not
   * an ISO-8601 duration, or negative) never reaches a stored inventory; should one be read anyway,
   * the default applies rather than a guess.
   */
  public Duration overlapGraceOrDefault() {
    return overlapGrace == null
        ? DEFAULT_OVERLAP_GRACE
        : parseOverlapGrace(overlapGrace).orElse(DEFAULT_OVERLAP_GRACE);
  }

  /** An ISO-8601 duration that is zero or positive, else empty. */
  public static Optional<Duration> parseOverlapGrace(String text) {
    try {
      Duration d = Duration.parse(text.strip());
      return d.isNegative() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException notADuration) {
      return Optional.empty();
    }
  }

  /** The sender binding, when the sender has an API keyturn pushes new secrets to. */
  public Optional<SenderBinding> senderBinding() {
    return Optional.ofNullable(sender);
  }
}
