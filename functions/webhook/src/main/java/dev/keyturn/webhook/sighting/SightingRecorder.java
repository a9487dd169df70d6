package dev.keyturn.webhook.sighting;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.state.SenderSightings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records which secret version each verified delivery was signed with ({@link SenderSightings}):
 * how the rotation life cycle learns that a sender without an API signs with a rotated secret.
 *
 * <p>Cost: one conditional UpdateItem per write, and a container writes a source's sighting again
 * only when the version changes or {@link #REWRITE_AFTER} has passed since its last write of that
 * version. The first delivery on a new version is always written (unless the write fails or the
 * invocation has no time left for it: then the next delivery on that version writes it). So the
 * recorded sighting's time may lag the latest delivery by up to {@link #REWRITE_AFTER} per
 * container, and its version is the latest any container wrote.
 *
 * <p>Best effort: the delivery has been forwarded already; a failed write is logged ({@code
 * webhook.sighting-failed}) and counted ({@code WebhookSightingFailures}), never answered with an
 * error.
 */
public final class SightingRecorder {

  /** How long a container skips writing the same version again for a source. */
  public static final Duration REWRITE_AFTER = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(SightingRecorder.class);

  private record Written(String versionId, Instant at) {}

  private final SenderSightings store;
  private final Metrics metrics;
  private final Clock clock;
  private final Duration callTimeout;
  private final Map<String, Written> written = new HashMap<>();

  /**
   * @param callTimeout the longest one AWS call may take: a write is started only when that much of
   *     the invocation's time is left
   */
  public SightingRecorder(
      SenderSightings store, Metrics metrics, Clock clock, Duration callTimeout) {
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.callTimeout = callTimeout;
  }

  /**
   * A delivery of {@code source} received at {@code receivedAt} verified with {@code versionId}.
   *
   * @param deadline when the invocation must answer; no write starts that could end after it
   * @return whether a write was made (and succeeded)
   */
  public boolean seen(String source, String versionId, Instant receivedAt, Instant deadline) {
    if (recentlyWritten(source, versionId, receivedAt)) {
      return false;
    }
    if (clock.instant().plus(callTimeout).isAfter(deadline)) {
      log.info(
          "webhook sighting deferred {} {} {}",
          kv("event", "webhook.sighting-deferred"),
          kv("source", source),
          kv("secretVersion", versionId));
      return false;
    }
    try {
      store.record(source, versionId, receivedAt);
    } catch (RuntimeException e) {
      log.error(
          "webhook sighting not recorded {} {} {} {}",
          kv("event", "webhook.sighting-failed"),
          kv("source", source),
          kv("secretVersion", versionId),
          kv("error", e.getClass().getSimpleName()));
      metrics.count(Metric.WEBHOOK_SIGHTING_FAILURES, 1);
      return false;
    }
    remember(source, versionId, receivedAt);
    return true;
  }

  private synchronized boolean recentlyWritten(String source, String versionId, Instant at) {
    Written last = written.get(source);
    return last != null
        && last.versionId().equals(versionId)
        && at.isBefore(last.at().plus(REWRITE_AFTER))
        && !at.isBefore(last.at());
  }

  private synchronized void remember(String source, String versionId, Instant at) {
    Written last = written.get(source);
    if (last == null || !at.isBefore(last.at())) {
      written.put(source, new Written(versionId, at));
    }
  }
}
