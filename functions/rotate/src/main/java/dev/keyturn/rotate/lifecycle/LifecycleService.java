package dev.keyturn.rotate.lifecycle;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.Publication;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives each entry's last completed rotation through its life cycle: {@code finished} → {@code
 * published} → {@code confirmed} → {@code retired}. Run by the sweep's schedule after the sweep,
 * and on demand ({@link #advance(String)}). Each pass reads where the rotation stands and moves it
 * as far as the facts allow, one conditional write per stage (never back), audited as {@code
 * rotation.<stage>}. The old credential or version is retired only by a pass that read the rotation
 * {@code confirmed} from the store, so a fault anywhere leaves it waiting, never retired early; the
 * next pass repeats what is missing.
 *
 * <p>Only an entry's last rotation is driven: an earlier one is superseded (its old version lost
 * its labels when the next rotation finished; a vendor credential is retired by the next
 * createSecret). A rotation not {@code confirmed} within {@code confirmDeadline} of finishing is
 * counted as {@code RotationsStuck} on every pass until it is. The old version is retired {@code
 * retireGrace} after {@code confirmed} at the earliest (by the first pass after that); for a secret
 * that signs webhooks, the largest {@code webhooks[].overlapGrace} of its sources instead.
 */
public final class LifecycleService {

  private static final Logger LOG = LoggerFactory.getLogger(LifecycleService.class);

  private final InventoryStore inventory;
  private final RotationStore rotations;
  private final RotatedSources sources;
  private final Consumers consumers;
  private final OldVersions oldVersions;
  private final AuditLog audit;
  private final Metrics metrics;
  private final Clock clock;
  private final String actor;
  private final Duration confirmDeadline;
  private final Duration retireGrace;

  public LifecycleService(
      InventoryStore inventory,
      RotationStore rotations,
      RotatedSources sources,
      Consumers consumers,
      OldVersions oldVersions,
      AuditLog audit,
      Metrics metrics,
      Clock clock,
      String actor,
      Duration confirmDeadline,
      Duration retireGrace) {
    this.inventory = inventory;
    this.rotations = rotations;
    this.sources = sources;
    this.consumers = consumers;
    this.oldVersions = oldVersions;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.actor = actor;
    this.confirmDeadline = confirmDeadline;
    this.retireGrace = retireGrace;
  }

  /**
   * One pass over every entry of the inventory. Metrics: {@code RotationsStuck}, {@code
   * RotationsRetired}, and {@code SweepFailures} for entries whose pass failed.
   */
  public LifecycleResult advanceAll() {
    List<WebhookEntry> webhooks = inventory.webhooks();
    Tally tally = new Tally();
    for (SecretEntry entry : inventory.secrets()) {
      driveOne(entry, webhooks, tally);
    }
    LifecycleResult result = tally.result();
    metrics.publish(
        MetricRecord.of(Metric.ROTATIONS_STUCK, result.stuck().size())
            .and(Metric.ROTATIONS_RETIRED, result.retired())
            .and(Metric.SWEEP_FAILURES, result.failed().size()));
    if (!result.stuck().isEmpty()) {
      LOG.warn("rotations not confirmed within {}: {}", confirmDeadline, result.stuck());
    }
    return result;
  }

  /** One pass for one entry (the CLI, on demand); throws what the pass failed with. */
  public LifecycleResult advance(String entryName) {
    SecretEntry entry =
        inventory.secret(entryName).orElseThrow(() -> new UnknownEntryException(entryName));
    Tally tally = new Tally();
    Optional<Stage> stage = drive(entry, inventory.webhooks());
    stage.ifPresent(tally::add);
    return tally.result();
  }

  private void driveOne(SecretEntry entry, List<WebhookEntry> webhooks, Tally tally) {
    try {
      drive(entry, webhooks).ifPresent(tally::add);
    } catch (RuntimeException e) {
      String error = ErrorNames.describe(e);
      LOG.error("life cycle of {} failed: {}", entry.name(), error);
      tally.failed.add(entry.name());
      try {
        audit.record(
            AuditEvent.of(clock.instant(), actor, "rotation.lifecycle", entry.name(), "failed")
                .withDetail(Map.of("error", error)));
      } catch (RuntimeException auditFailed) {
        LOG.error("auditing it failed too: {}", ErrorNames.describe(auditFailed));
      }
    }
  }

  /** Where the entry's last rotation ended this pass; empty when there is none to drive. */
  private Optional<Stage> drive(SecretEntry entry, List<WebhookEntry> webhooks) {
    Optional<LastRotation> last = rotations.latest(entry.name());
    if (last.isEmpty()
        || !last.get().run().completed()
        || last.get().run().stage() == LifecycleStage.RETIRED) {
      return Optional.empty();
    }
    LastRotation rotation = last.get();
    LifecycleStage from =
        rotation.run().stage() == null
            ? move(rotation, LifecycleStage.FINISHED, Map.of())
            : rotation.run().stage();
    RotatedVersion v = new RotatedVersion(entry, sources.of(entry, rotation), rotation);
    LifecycleStage now = from;
    Publication publication =
        now.reached(LifecycleStage.CONFIRMED) ? null : consumers.publication(v);
    if (!now.reached(LifecycleStage.PUBLISHED) && consumers.published(publication)) {
      now = move(rotation, LifecycleStage.PUBLISHED, Map.of());
    }
    if (now == LifecycleStage.PUBLISHED && consumers.confirmed(v, publication, webhooks)) {
      now = move(rotation, LifecycleStage.CONFIRMED, Map.of());
    }
    if (now == LifecycleStage.CONFIRMED && graceOver(rotation, from, grace(v, webhooks))) {
      // the store said confirmed, a grace ago: only now may the old credential go
      OldVersions.Outcome outcome = oldVersions.retire(v);
      if (outcome.retired()) {
        now = move(rotation, LifecycleStage.RETIRED, Map.of("retired", outcome.detail()));
      } else {
        LOG.info(
            "{} version {} stays confirmed: {}", entry.name(), v.versionId(), outcome.detail());
      }
    }
    boolean stuck =
        !now.reached(LifecycleStage.CONFIRMED)
            && rotation.run().finishedAt().plus(confirmDeadline).isBefore(clock.instant());
    return Optional.of(new Stage(entry.name(), from, now, stuck));
  }

  /**
   * Whether the retire grace has passed since the rotation was confirmed: a consumer that read the
   * old value just before confirming (a container's cache, a process started from AWSPREVIOUS)
   * keeps a working value that long. Confirmed in this pass: the grace starts now.
   */
  private boolean graceOver(LastRotation r, LifecycleStage from, Duration grace) {
    if (grace.isZero()) {
      return true;
    }
    Instant confirmedAt =
        from.reached(LifecycleStage.CONFIRMED)
            ? r.run().stageTimes().getOrDefault(LifecycleStage.CONFIRMED, r.run().stageSince())
            : clock.instant();
    return !confirmedAt.plus(grace).isAfter(clock.instant());
  }

  /**
   * The retire grace of one rotation: for a secret that signs webhooks, the largest {@code
   * overlapGrace} of its sources (the old version keeps verifying deliveries that long after
   * confirmation, for every sender); for any other, {@code retireGrace}.
   */
  static Duration grace(RotatedVersion v, List<WebhookEntry> webhooks, Duration otherwise) {
    if (!v.signsWebhooks()) {
      return otherwise;
    }
    return webhooks.stream()
        .filter(w -> v.name().equals(w.secret()))
        .map(WebhookEntry::overlapGraceOrDefault)
        .max(Duration::compareTo)
        .orElse(otherwise);
  }

  private Duration grace(RotatedVersion v, List<WebhookEntry> webhooks) {
    return grace(v, webhooks, retireGrace);
  }

  /** One conditional move, audited when it moved; answers the stage the store holds. */
  private LifecycleStage move(LastRotation r, LifecycleStage stage, Map<String, String> detail) {
    Instant at = clock.instant();
    LifecycleStage held =
        rotations
            .advance(r.secretName(), r.token(), stage, at)
            .orElseThrow(() -> new IllegalStateException("rotation " + r.token() + " is gone"));
    if (held == stage) {
      audit.record(
          AuditEvent.of(at, actor, "rotation." + stage.label(), r.secretName(), "ok")
              .withVersions(List.of(r.versionId()))
              .withDetail(detail));
      LOG.info("rotation of {} version {}: {}", r.secretName(), r.versionId(), stage.label());
    }
    return held;
  }

  private record Stage(String entry, LifecycleStage from, LifecycleStage to, boolean stuck) {}

  private static final class Tally {
    int driven;
    int advanced;
    int retired;
    final List<String> stuck = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    void add(Stage s) {
      driven++;
      if (s.to() != s.from()) {
        advanced++;
      }
      if (s.to() == LifecycleStage.RETIRED) {
        retired++;
      }
      if (s.stuck()) {
        stuck.add(s.entry());
      }
    }

    LifecycleResult result() {
      return new LifecycleResult(driven, advanced, retired, stuck, failed);
    }
  }
}
