package dev.keyturn.sync.release;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.sink.ReleaseStatus;
import dev.keyturn.sync.sink.SinkPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the releases one sync's PATCHes made, after its targets (and their leases) are done:
 * every pending release is read again, all together, every {@code poll}, until it is {@code
 * succeeded} or {@code failed} or the budget {@code wait} runs out (measured on the sync's clock;
 * the sleeper waits). Succeeded confirms the vars of the release ({@link
 * SyncStateStore#confirmRelease}, the record the api:release webhook confirms); failed marks them
 * failed ({@link SyncStateStore#failRelease}) and is audited as {@code sync.release_failed}; still
 * pending at the end stays pending for the webhook or a later sync. A release that cannot be read
 * (rate limit, error) stays pending too.
 */
public final class ReleaseWatch {

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseWatch.class);

  /** A release one target's apply made, with its status as last read. */
  public record Watched(
      String target, String releaseId, Integer releaseVersion, ReleaseStatus status) {}

  private final SyncStateStore state;
  private final AuditLog audit;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String actor;

  public ReleaseWatch(
      SyncStateStore state, AuditLog audit, Clock clock, Sleeper sleeper, String actor) {
    this.state = state;
    this.audit = audit;
    this.clock = clock;
    this.sleeper = sleeper;
    this.actor = actor;
  }

  /**
   * Polls the pending releases within the budget and records every settled one.
   *
   * @param ports the adapter of each watched release's target
   * @return each release's final status, in the order given
   */
  public List<Watched> settle(
      List<Watched> releases,
      Function<String, SinkPort> ports,
      Duration wait,
      Duration poll,
      String trigger) {
    Map<String, Watched> byTarget = new LinkedHashMap<>();
    releases.forEach(r -> byTarget.put(r.target(), r));
    Instant deadline = clock.instant().plus(wait);
    List<Watched> pending = new ArrayList<>();
    for (Watched r : releases) {
      if (r.status().settled()) {
        record(r, trigger);
      } else {
        pending.add(r);
      }
    }
    while (!pending.isEmpty() && !clock.instant().plus(poll).isAfter(deadline)) {
      if (!pause(poll)) {
        break;
      }
      List<Watched> still = new ArrayList<>();
      for (Watched r : pending) {
        Optional<ReleaseStatus> now =
            ports.apply(r.target()).releaseStatus(r.target(), r.releaseId());
        Watched read = new Watched(r.target(), r.releaseId(), r.releaseVersion(), now.orElse(null));
        if (now.isEmpty()) {
          // not readable now (budget, error): leave it to the webhook or a later sync
          continue;
        }
        byTarget.put(r.target(), read);
        if (read.status().settled()) {
          record(read, trigger);
        } else {
          still.add(read);
        }
      }
      pending = still;
    }
    pending.forEach(r ->
        LOG.info(
            "sync target={} release v{} still pending after the release wait: left to the"
                + " api:release webhook",
            r.target(),
            r.releaseVersion()));
    return List.copyOf(byTarget.values());
  }

  /** What consumers do, with the release and (once read) its status. */
  public static String consumer(String action, Integer version, ReleaseStatus status) {
    String release = action + ": release v" + version;
    if (status == null) {
      return release;
    }
    return switch (status) {
      case SUCCEEDED -> release + " succeeded";
      case FAILED -> release + " failed";
      case PENDING -> release + " pending (api:release webhook)";
    };
  }

  private boolean pause(Duration poll) {
    try {
      sleeper.sleep(poll);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void record(Watched r, String trigger) {
    Instant now = clock.instant();
    if (r.status() == ReleaseStatus.SUCCEEDED) {
      LOG.info("sync target={} release v{} succeeded: confirmed", r.target(), r.releaseVersion());
      store(() -> state.confirmRelease(r.target(), r.releaseId(), now), r);
      return;
    }
    LOG.warn("sync target={} release v{} failed", r.target(), r.releaseVersion());
    store(() -> state.failRelease(r.target(), r.releaseId(), now), r);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("releaseId", r.releaseId());
    detail.put("releaseVersion", String.valueOf(r.releaseVersion()));
    detail.put("trigger", trigger);
    try {
      audit.record(
          AuditEvent.of(now, actor, "sync.release_failed", r.target(), "failed")
              .withDetail(detail));
    } catch (RuntimeException e) {
      LOG.error(
          "audit write failed for sync.release_failed {}: {}",
          r.target(),
          e.getClass().getSimpleName());
    }
  }

  /** The webhook (or a later sync's poll) records it if this fails; the report still says it. */
  private static void store(Runnable write, Watched r) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.error(
          "sync target={} recording release {} failed: {}",
          r.target(),
          r.status().label(),
          e.getClass().getSimpleName());
    }
  }
}
