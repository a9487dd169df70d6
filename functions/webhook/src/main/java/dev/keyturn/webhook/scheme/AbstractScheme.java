package dev.keyturn.webhook.scheme;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

  /** The result for a {@link HmacMatcher} code; the replay key is only computed on success. */
  static VerificationResult outcome(int match, String deliveryId, Supplier<String> replayKey) {
    if (match >= 0) {
      return new Verified(deliveryId, replayKey.get(), match);
    }
    return reject(
        match == HmacMatcher.NO_MATCH
            ? RejectionReason.SIGNATURE_MISMATCH
            : RejectionReason.NO_USABLE_SECRET);
  }

  @Override
  public String toString() {
    return "SignatureScheme[" + name() + "]";
  }
}
