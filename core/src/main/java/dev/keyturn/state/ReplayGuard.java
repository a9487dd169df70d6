package dev.keyturn.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Claims webhook deliveries so each is handed on once, and a replay is recognised for a while.
 *
 * <p>A claim is first {@code pending}: it names the claimant (the Lambda request id) and lasts only
 * until {@code pendingUntil}, shorter than the function's timeout, so a claimant that dies cannot
 * block the provider's retries for long. The claimant then marks it {@code done} once the delivery
 * was handed on, or releases it when it could not be. Completing and releasing are conditional on
 * still owning the claim.
 */
public interface ReplayGuard {

  /** What a claim attempt found. */
  sealed interface Claim {

    /** The key is now this claimant's, pending. */
    record Claimed() implements Claim {}

    /** Another request claimed the key and is still handing it on, until {@code until}. */
    record Pending(Instant until) implements Claim {}

    /** The delivery was handed on already: a replay. */
    record Done() implements Claim {}
  }

  /**
   * Claims a delivery key for one request. A key whose claim has expired (pending past its time, or
   * done past its time to live) is free again. A claim that already names this claimant and is
   * still pending is this claimant's (a retried write that had succeeded), not a duplicate.
   */
  Claim claim(String source, String key, String claimant, Instant now, Instant pendingUntil);

  /**
   * Marks the claimant's claim done, kept for {@code ttl} to recognise replays.
   *
   * @return false when the key is no longer this claimant's (its claim expired and another took it)
   */
  boolean complete(String source, String key, String claimant, Instant now, Duration ttl);

  /**
   * Releases the claimant's pending claim so the provider's retry is processed; a no-op when the
   * key is free.
   *
   * @return false when the key is not this claimant's pending claim (done, or taken by another)
   */
  boolean release(String source, String key, String claimant);
}
