package dev.keyturn.webhook.scheme;

import java.time.Instant;
import java.util.List;

/**
 * One provider's way of signing webhook deliveries.
 *
 * <p>Implementations are immutable and thread-safe; create them once per configured source with
 * {@link Schemes#create} and reuse them.
 */
public interface SignatureScheme {

  /** The registry name, e.g. {@code "stripe"}. */
  String name();

  /**
   * The header that carries the signature, in the provider's spelling, e.g. {@code
   * X-Hub-Signature-256}: what a {@link RejectionReason#MISSING_SIGNATURE} did not find.
   */
  String signatureHeader();

  /**
   * Checks a delivery against the live versions of its secret.
   *
   * <p>Never throws for any request content: every problem is a {@link
   * VerificationResult.Rejected}.
   *
   * @param request raw body and headers exactly as received
   * @param candidateSecrets the secret's live versions as stored (e.g. AWSCURRENT, AWSPENDING,
   *     AWSPREVIOUS); the delivery verifies if any of them signed it, and the result reports the
   *     index of the first one that did
   * @param now the current time, for timestamp tolerance checks
   */
  VerificationResult verify(WebhookRequest request, List<String> candidateSecrets, Instant now);
}
