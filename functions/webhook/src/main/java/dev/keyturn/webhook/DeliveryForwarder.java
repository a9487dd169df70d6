package dev.keyturn.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayRelease;
import dev.keyturn.webhook.forward.ForwardedEvent;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.heroku.ReleaseConfirmations;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import dev.keyturn.webhook.source.WebhookSource;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a verified delivery on exactly once: builds the event (refusing, not truncating, one that
 * EventBridge would not take), claims the delivery key in the replay guard, confirms a Heroku
 * release, and puts the event on the bus. If confirming or publishing fails, the claim is released
 * so the provider's retry is processed rather than taken for a replay.
 */
public final class DeliveryForwarder {

  /** What became of a verified delivery. */
  public sealed interface Outcome {
    record Forwarded(long eventBytes) implements Outcome {}

    record Duplicate() implements Outcome {}

    record TooLarge(long eventBytes, long limitBytes) implements Outcome {}
  }

  private static final Logger log = LoggerFactory.getLogger(DeliveryForwarder.class);

  private final ReplayGuard replayGuard;
  private final ReplayRelease replayRelease;
  private final ReleaseConfirmations releases;
  private final EventPublisher events;

  public DeliveryForwarder(
      ReplayGuard replayGuard,
      ReplayRelease replayRelease,
      ReleaseConfirmations releases,
      EventPublisher events) {
    this.replayGuard = replayGuard;
    this.replayRelease = replayRelease;
    this.releases = releases;
    this.events = events;
  }

  /**
   * @throws DependencyUnavailableException when the table or the bus fails
   */
  public Outcome forward(WebhookSource source, Verified verified, byte[] body, Instant now) {
    Payload payload = Payload.of(body);
    ForwardedEvent event =
        ForwardedEvent.of(source.name(), verified.deliveryId(), verified.replayKey(), payload);
    if (!event.fitsEventBridge()) {
      return new Outcome.TooLarge(event.sizeBytes(), ForwardedEvent.MAX_ENTRY_BYTES);
    }
    String key = verified.replayKey();
    boolean first =
        DependencyUnavailableException.call(
            "replay-guard",
            () -> replayGuard.firstSeen(source.name(), key, now, source.check().replayTtl()));
    if (!first) {
      return new Outcome.Duplicate();
    }
    try {
      DependencyUnavailableException.run(
          "sync-state",
          () ->
              releases.confirm(
                  source.check().schemeName(), source.name(), verified.deliveryId(), payload, now));
      DependencyUnavailableException.run(
          "event-bus", () -> events.publish(event.source(), event.detailType(), event.detail()));
    } catch (DependencyUnavailableException e) {
      releaseClaim(source.name(), key);
      throw e;
    }
    return new Outcome.Forwarded(event.sizeBytes());
  }

  private void releaseClaim(String source, String key) {
    try {
      replayRelease.release(source, key);
    } catch (RuntimeException e) {
      // the provider's retry will be answered as a duplicate until the key's TTL runs out
      log.error(
          "webhook replay claim not released {} {} {}",
          kv("event", "webhook.claim-release-failed"),
          kv("source", source),
          kv("error", e.getClass().getSimpleName()));
    }
  }
}
