package dev.keyturn.rotate.protocol;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what each step did: the {@code ROTATION#<token>} item (through {@link RotationStore}) and
 * an audit event {@code rotation.<step>}. Names, ARNs and version ids only.
 */
public final class RotationJournal {

  static final String OK = "ok";
  static final String FAILED = "failed";
  static final String COMPLETED = "completed";
  static final String REJECTED = "rejected";

  private static final Logger LOG = LoggerFactory.getLogger(RotationJournal.class);

  private final RotationStore rotations;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  /**
   * @param actor who is rotating, e.g. the Lambda function's name
   */
  public RotationJournal(RotationStore rotations, AuditLog audit, Clock clock, String actor) {
    this.rotations = rotations;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /** The step succeeded: the ROTATION item records it and the audit trail says how. */
  void stepDone(StepContext c, String outcome, String... otherVersions) {
    Instant at = clock.instant();
    rotations.recordStep(
        new RotationRecord.StepUpdate(c.name(), c.token(), c.step().eventName(), OK, at, null));
    audit.record(event(c, at, outcome, Map.of(), otherVersions));
    LOG.info(
        "rotation {} of {} version {}: {}", c.step().eventName(), c.name(), c.token(), outcome);
  }

  /** A successful no-op that changes no record (the token is already AWSCURRENT). */
  void noOp(StepContext c, String outcome) {
    audit.record(event(c, clock.instant(), outcome, Map.of()));
    LOG.info(
        "rotation {} of {} version {}: {}", c.step().eventName(), c.name(), c.token(), outcome);
  }

  /** The whole rotation is over: the secret's last rotation and the run's final status. */
  void completed(StepContext c) {
    Instant at = clock.instant();
    rotations.recordRotated(c.name(), c.token(), c.token(), at);
    rotations.recordStep(
        new RotationRecord.StepUpdate(
            c.name(), c.token(), c.step().eventName(), COMPLETED, at, null));
  }

  /** Whether a rotation run for this token was recorded and has not completed. */
  boolean isUnfinished(StepContext c) {
    return rotations
        .rotation(c.name(), c.token())
        .map(r -> !COMPLETED.equals(r.status()))
        .orElse(false);
  }

  /**
   * A guard refused the event: audited, but no ROTATION item is made for a token that is not part
   * of a rotation.
   */
  void rejected(StepContext c, RuntimeException error) {
    bestEffort(
        error,
        () ->
            audit.record(
                event(c, clock.instant(), REJECTED, Map.of("error", ErrorNames.describe(error)))));
    LOG.warn(
        "rotation {} of {} version {} rejected: {}",
        c.step().eventName(),
        c.name(),
        c.token(),
        ErrorNames.describe(error));
  }

  /** The step failed: recorded and audited, without hiding the original failure. */
  void stepFailed(StepContext c, RuntimeException error) {
    String name = ErrorNames.describe(error);
    Instant at = clock.instant();
    bestEffort(
        error,
        () ->
            rotations.recordStep(
                new RotationRecord.StepUpdate(
                    c.name(), c.token(), c.step().eventName(), FAILED, at, name)));
    bestEffort(error, () -> audit.record(event(c, at, FAILED, Map.of("error", name))));
    LOG.error(
        "rotation {} of {} version {} failed: {}", c.step().eventName(), c.name(), c.token(), name);
  }

  private AuditEvent event(
      StepContext c,
      Instant at,
      String outcome,
      Map<String, String> extra,
      String... otherVersions) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretArn", c.metadata().arn());
    if (c.generatorType() != null) {
      detail.put("generator", c.generatorType());
    }
    detail.putAll(extra);
    return AuditEvent.of(at, actor, "rotation." + c.step().eventName(), c.name(), outcome)
        .withVersions(versions(c.token(), otherVersions))
        .withDetail(detail);
  }

  private static List<String> versions(String token, String... others) {
    List<String> versions = new ArrayList<>();
    versions.add(token);
    versions.addAll(Arrays.asList(others));
    return versions;
  }

  /** Runs a bookkeeping write whose own failure must not replace the step's failure. */
  private static void bestEffort(RuntimeException primary, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException secondary) {
      primary.addSuppressed(secondary);
    }
  }
}
