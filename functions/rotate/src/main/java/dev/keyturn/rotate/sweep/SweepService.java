package dev.keyturn.rotate.sweep;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled sweep, for what Secrets Manager cannot rotate itself: SSM SecureString parameters
 * due by their cadence tag, and tokens whose {@code expiresAt} is near. A due entry is rotated by
 * {@link ParameterRotation}, the operation {@code keyturn rotate} runs too. One entry's failure is
 * audited and counted; the others still run. It also counts the retire-at-vendor tasks past their
 * date (an old credential an operator-assisted rotation replaced, still not revoked). Metrics per
 * sweep: {@code RotationsSucceeded}, {@code SweepFailures} (a sweep that cannot run at all counts
 * one), {@code SecretsExpiring}, {@code RetireTasksOverdue}.
 */
public final class SweepService {

  private static final Logger LOG = LoggerFactory.getLogger(SweepService.class);

  private final InventoryStore inventory;
  private final ParameterStore parameters;
  private final DueCheck due;
  private final SweepAudit audit;
  private final ExpiryAlerts expiry;
  private final RetireTaskStore retireTasks;
  private final Clock clock;
  private final Metrics metrics;

  public SweepService(
      InventoryStore inventory,
      ParameterStore parameters,
      ParameterRotation rotation,
      RotationStore rotations,
      RetireTaskStore retireTasks,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      String actor,
      Metrics metrics) {
    this.inventory = inventory;
    this.retireTasks = retireTasks;
    this.parameters = parameters;
    this.audit = new SweepAudit(audit, actor);
    this.due = new DueCheck(rotation, rotations, this.audit, events);
    this.expiry = new ExpiryAlerts(audit, events, actor);
    this.clock = clock;
    this.metrics = metrics;
  }

  public SweepResult sweep() {
    SweepResult result;
    try {
      result = sweepAll();
    } catch (RuntimeException failed) {
      metrics.count(Metric.SWEEP_FAILURES, 1);
      throw failed;
    }
    metrics.publish(
        MetricRecord.of(Metric.ROTATIONS_SUCCEEDED, result.rotated())
            .and(Metric.SWEEP_FAILURES, result.failed())
            .and(Metric.SECRETS_EXPIRING, result.expiring())
            .and(Metric.RETIRE_TASKS_OVERDUE, result.retireOverdue()));
    return result;
  }

  private SweepResult sweepAll() {
    Instant now = clock.instant();
    List<SecretEntry> entries = inventory.secrets();
    List<SecretEntry> ssm =
        entries.stream().filter(e -> e.source() instanceof Source.SsmParameter).toList();
    Map<String, ParameterInfo> infos =
        ssm.isEmpty()
            ? Map.of()
            : parameters.describe(ssm.stream().map(e -> e.source().id()).toList());
    int rotated = 0;
    int notDue = 0;
    int skipped = 0;
    int failed = 0;
    for (SecretEntry entry : ssm) {
      switch (rotateOne(entry, infos.get(entry.source().id()), now)) {
        case ROTATED -> rotated++;
        case NOT_DUE -> notDue++;
        case SKIPPED -> skipped++;
        case FAILED -> failed++;
      }
    }
    int expiring = 0;
    for (SecretEntry entry : entries) {
      Boolean alerted = alertOne(entry, now);
      if (alerted == null) {
        failed++;
      } else if (alerted) {
        expiring++;
      }
    }
    int overdue = overdueRetireTasks(now);
    if (overdue < 0) {
      failed++;
      overdue = 0;
    }
    SweepResult result =
        new SweepResult(ssm.size(), rotated, notDue, skipped, failed, expiring, overdue);
    LOG.info("sweep: {}", result.toMap());
    return result;
  }

  /** The entry's outcome; a failure is audited and logged (by the rotation, or here). */
  private DueCheck.Outcome rotateOne(SecretEntry entry, ParameterInfo info, Instant now) {
    try {
      if (info == null) {
        throw new ParameterMissingException(entry.name(), entry.source().id());
      }
      return due.rotateIfDue(entry, info, now);
    } catch (RuntimeException e) {
      String error = ErrorNames.describe(e);
      LOG.error("sweep of {} failed: {}", entry.name(), error);
      try {
        audit.failed(entry, now, error);
      } catch (RuntimeException auditFailed) {
        LOG.error(
            "auditing the failed sweep of {} failed too: {}",
            entry.name(),
            ErrorNames.describe(auditFailed));
      }
      return DueCheck.Outcome.FAILED;
    }
  }

  /** Open retire-at-vendor tasks past their date (each logged by name), or -1 when unreadable. */
  private int overdueRetireTasks(Instant now) {
    try {
      List<RetireTask> overdue = retireTasks.open().stream().filter(t -> t.overdue(now)).toList();
      for (RetireTask t : overdue) {
        LOG.warn(
            "retire task overdue for {} (version {} replaced {}): {}",
            t.secretName(),
            t.newVersion(),
            t.oldVersion(),
            t.describe());
      }
      return overdue.size();
    } catch (RuntimeException e) {
      LOG.error("reading the retire tasks failed: {}", ErrorNames.describe(e));
      return -1;
    }
  }

  /** Whether the entry was alerted about, or null when alerting failed (logged). */
  private Boolean alertOne(SecretEntry entry, Instant now) {
    try {
      return expiry.alertIfExpiring(entry, now);
    } catch (RuntimeException e) {
      LOG.error("expiry alert for {} failed: {}", entry.name(), ErrorNames.describe(e));
      return null;
    }
  }
}
