package dev.keyturn.webhook.scheme;

import java.util.Objects;

/** The outcome of {@link SignatureScheme#verify}. Carries no secret or signature material. */
public sealed interface VerificationResult {

  /** True when the delivery verified. */
  boolean verified();

  /**
   * A delivery signed by one of the candidate secrets.
   *
   * @param deliveryId the provider's delivery id if it sent one (may be null; only signed for
   *     {@code standard-webhooks}, so treat it as a label, never as proof)
   * @param replayKey the key for the replay guard: {@code id:<webhook-id>} for schemes that sign a
   *     delivery id, {@code stripe-event:<evt id>} for a Stripe event (its id is in the signed
   *     body), otherwise {@code sha256:<hex>} of the exact signed content, so changing an unsigned
   *     header cannot dodge the guard
   * @param matchedCandidate index into the candidate list of the first secret that verified
   */
  record Verified(String deliveryId, String replayKey, int matchedCandidate)
      implements VerificationResult {
    public Verified {
      Objects.requireNonNull(replayKey, "replayKey");
      if (matchedCandidate < 0) {
        throw new IllegalArgumentException("matchedCandidate must be >= 0");
      }
    }

    @Override
    public boolean verified() {
      return true;
    }
  }

  /** A delivery that did not verify, and why. */
  record Rejected(RejectionReason reason) implements VerificationResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean verified() {
      return false;
    }

    /** Whether re-reading the secret's versions and retrying could turn this into a success. */
    public boolean refreshMayHelp() {
      return reason.refreshMayHelp();
    }
  }
}
