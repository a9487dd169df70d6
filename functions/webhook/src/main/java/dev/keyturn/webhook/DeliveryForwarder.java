package dev.keyturn.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayGuard.Claim;
import dev.keyturn.webhook.forward.ForwardedEvent;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.heroku.ReleaseConfirmations;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import dev.keyturn.webhook.source.WebhookSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a verified delivery on once: builds the event (refusing, not truncating, one EventBridge
 * would not take), claims the delivery key for this invocation (pending), confirms a Heroku
 * release, puts the event on the bus, and marks the claim done.
 *
 * <p>No verified delivery is lost: the claim is taken only when the invocation has time for every
 * remaining call (each bounded by the AWS call timeout), a step starts only when it can end before
 * the claim's pending time runs out and still leave time to release it, and a failed or skipped
 * step releases the claim (conditionally: only while it is still this invocation's) and answers
 * 503, so the provider's retry is processed. A pending claim answers another request for the same
 * delivery with a retryable 409, never with 200 duplicate; only a done claim is a duplicate.
 */
public final class DeliveryForwarder {

  /** What became of a verified delivery. */
  public sealed interface Outcome {
    record Forwarded(long eventBytes) implements Outcome {}

    record Duplicate() implements Outcome {}

    /** Another invocation holds the claim and is still handing the delivery on. */
    record InFlight(Duration retryAfter) implements Outcome {}

    record TooLarge(long eventBytes, long limitBytes) implements Outcome {}
  }

  private static final Logger log = LoggerFactory.getLogger(DeliveryForwarder.class);

  private final ReplayGuard replayGuard;
  private final ReleaseConfirmations releases;
  private final EventPublisher events;
  private final Clock clock;
  private final Duration claimTtl;
  private final Duration callTimeout;

  /**
   * @param claimTtl how long a pending claim lasts (shorter than the function's timeout)
   * @param callTimeout the longest one AWS call may take (the SDK clients' call timeout)
   */
  public DeliveryForwarder(
      ReplayGuard replayGuard,
      ReleaseConfirmations releases,
      EventPublisher events,
      Clock clock,
      Duration claimTtl,
      Duration callTimeout) {
    this.replayGuard = replayGuard;
    this.releases = releases;
    this.events = events;
    this.clock = clock;
    this.claimTtl = claimTtl;
    this.callTimeout = callTimeout;
  }

  /**
   * @throws DependencyUnavailableException when the table or the bus fails, or the invocation has
   *     no time left to hand the delivery on (the claim is released or was never taken)
   */
  public Outcome forward(
      WebhookSource source, Verified verified, byte[] body, Invocation invocation) {
    Payload payload = Payload.of(body);
    ForwardedEvent event =
        ForwardedEvent.of(source.name(), verified.deliveryId(), verified.replayKey(), payload);
    if (!event.fitsEventBridge()) {
      return new Outcome.TooLarge(event.sizeBytes(), ForwardedEvent.MAX_ENTRY_BYTES);
    }
    String scheme = source.check().schemeName();
    // claim, [confirm,] publish, then complete or release: each at most one call timeout
    int calls = releases.applies(scheme) ? 4 : 3;
    Instant now = clock.instant();
    ensureTime("claim", now.plus(callTimeout.multipliedBy(calls)), invocation.deadline());
    Instant pendingUntil = now.plus(claimTtl);
    String key = verified.replayKey();
    Claim claim =
        DependencyUnavailableException.call(
            "replay-guard",
            () -> replayGuard.claim(source.name(), key, invocation.requestId(), now, pendingUntil));
    switch (claim) {
      case Claim.Done done -> {
        return new Outcome.Duplicate();
      }
      case Claim.Pending pending -> {
        return new Outcome.InFlight(Duration.between(now, pending.until()));
      }
      case Claim.Claimed claimed -> {}
    }
    // a step must end while the claim is ours, leaving one call to complete or release it
    Instant handOnBy = earlier(pendingUntil, invocation.deadline()).minus(callTimeout);
    try {
      ensureTime("release-confirmation", clock.instant().plus(callTimeout), handOnBy);
      DependencyUnavailableException.run(
          "sync-state",
          () -> releases.confirm(scheme, source.name(), verified.deliveryId(), payload, now));
      ensureTime("event-bus", clock.instant().plus(callTimeout), handOnBy);
      DependencyUnavailableException.run(
          "event-bus", () -> events.publish(event.source(), event.detailType(), event.detail()));
    } catch (DependencyUnavailableException e) {
      releaseClaim(source.name(), key, invocation.requestId());
      throw e;
    }
    completeClaim(source, key, invocation.requestId());
    return new Outcome.Forwarded(event.sizeBytes());
  }

  private static void ensureTime(String step, Instant wouldEnd, Instant limit) {
    if (wouldEnd.isAfter(limit)) {
      throw new DependencyUnavailableException(
          "time-budget", new TimeBudgetExhaustedException(step));
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The event is on the bus: a failure here only risks forwarding a provider's retry again. */
  private void completeClaim(WebhookSource source, String key, String claimant) {
    try {
      if (!replayGuard.complete(
          source.name(), key, claimant, clock.instant(), source.check().replayTtl())) {
        log.error(
            "webhook claim lost before completion {} {} {}",
            kv("event", "webhook.claim-lost"),
            kv("source", source.name()),
            kv("replayKey", key));
      }
    } catch (RuntimeException e) {
      log.error(
          "webhook claim not completed {} {} {}",
          kv("event", "webhook.claim-complete-failed"),
          kv("source", source.name()),
          kv("error", e.getClass().getSimpleName()));
    }
  }

  private void releaseClaim(String source, String key, String claimant) {
    try {
      if (!replayGuard.release(source, key, claimant)) {
        log.warn(
            "webhook claim was no longer ours to release {} {}",
            kv("event", "webhook.claim-not-released"),
            kv("source", source));
      }
    } catch (RuntimeException e) {
      // the claim stays pending until it expires; retries in the meantime get 409
      log.error(
          "webhook replay claim not released {} {} {}",
          kv("event", "webhook.claim-release-failed"),
          kv("source", source),
          kv("error", e.getClass().getSimpleName()));
    }
  }
}
