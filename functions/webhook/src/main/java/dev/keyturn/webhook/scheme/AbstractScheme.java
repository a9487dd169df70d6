package dev.keyturn.webhook.scheme;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every scheme shares: the fail-closed wrapper and the mapping of match codes to results. */
abstract sealed class AbstractScheme implements SignatureScheme, WebhookSigner
    permits StandardWebhooksScheme, StripeScheme, SlackScheme, BodyHmacScheme {

  private static final Map<RejectionReason, Rejected> REJECTIONS =
      new EnumMap<>(RejectionReason.class);

  static {
    for (RejectionReason reason : RejectionReason.values()) {
      REJECTIONS.put(reason, new Rejected(reason));
    }
  }

  @Override
  public final VerificationResult verify(
      WebhookRequest request, List<String> candidateSecrets, Instant now) {
    try {
      return check(request, candidateSecrets, now);
    } catch (RuntimeException e) {
      // A bug must not turn into an exception the caller maps to 500 or, worse, retries around;
      // fail closed. The property tests assert this branch is never reached.
      return reject(RejectionReason.VERIFIER_FAILURE);
    }
  }

  /** The scheme's verification. May assume nothing about the request's content. */
  abstract VerificationResult check(
      WebhookRequest request, List<String> candidateSecrets, Instant now);

  static Rejected reject(RejectionReason reason) {
    return REJECTIONS.get(reason);
  }

  /** The result for a {@link HmacMatcher} code; the replay key is computed only on success. */
  static VerificationResult outcome(int match, String deliveryId, SignedContent content) {
    return match >= 0 ? new Verified(deliveryId, content.replayKey(), match) : failure(match);
  }

  /** The rejection for a negative {@link HmacMatcher} code. */
  static Rejected failure(int match) {
    return reject(
        match == HmacMatcher.NO_MATCH
            ? RejectionReason.SIGNATURE_MISMATCH
            : RejectionReason.NO_USABLE_SECRET);
  }

  /** Header names as {@link Headers} stores them, so lookups need no case conversion. */
  static String lookupName(String headerName) {
    return headerName == null ? null : headerName.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "SignatureScheme[" + name() + "]";
  }
}
