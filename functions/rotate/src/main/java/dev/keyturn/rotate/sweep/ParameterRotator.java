package dev.keyturn.rotate.sweep;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rotates one SSM SecureString entry when its cadence has elapsed: a new value from the entry's
 * generator, PutParameter (Overwrite, history kept), label {@code current} on the new version and
 * {@code previous} on the old one, then SecretRotated, audit and the record of the rotation. The
 * record is written last, so a sweep that fails halfway leaves the entry due and the next sweep
 * rotates it again; no version is ever overwritten.
 */
final class ParameterRotator {

  static final String CURRENT_LABEL = "current";
  static final String PREVIOUS_LABEL = "previous";
  static final String STEP = "sweep";

  /** What happened to one entry. */
  enum Outcome {
    ROTATED,
    NOT_DUE,
    SKIPPED
  }

  private final ParameterStore parameters;
  private final GeneratorRegistry generators;
  private final RotationStore rotations;
  private final AuditLog audit;
  private final EventPublisher events;
  private final String actor;

  ParameterRotator(
      ParameterStore parameters,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      String actor) {
    this.parameters = parameters;
    this.generators = generators;
    this.rotations = rotations;
    this.audit = audit;
    this.events = events;
    this.actor = actor;
  }

  Outcome rotateIfDue(SecretEntry entry, ParameterInfo info, Instant now) {
    if (!info.isSecureString()) {
      record(entry, now, "skipped", List.of(), Map.of("reason", "not-securestring"));
      return Outcome.SKIPPED;
    }
    Optional<Duration> cadence =
        entry.tags().rotation().flatMap(Cadence::fromTag).flatMap(Cadence::interval);
    if (cadence.isEmpty()) {
      return Outcome.NOT_DUE;
    }
    Instant last = rotations.lastRotated(entry.name()).orElse(info.lastModified());
    if (last != null && now.isBefore(last.plus(cadence.get()))) {
      return Outcome.NOT_DUE;
    }
    if (entry.generator() == null) {
      dueWithoutGenerator(entry, info, last, now);
      return Outcome.SKIPPED;
    }
    rotate(entry, info, now);
    return Outcome.ROTATED;
  }

  private void rotate(SecretEntry entry, ParameterInfo info, Instant now) {
    GeneratorSpec spec = entry.generator();
    SecretGenerator generator = generators.get(spec.type());
    ParameterValue current = parameters.read(info.name(), info.version());
    String value =
        generator.generate(new GenerationRequest(entry.name(), spec.options(), current.value()));
    try {
      generator.checkWellFormed(value, spec.options());
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(entry.name());
    }
    long newVersion = parameters.putSecure(info.name(), value, info.keyId());
    parameters.label(info.name(), newVersion, CURRENT_LABEL);
    parameters.label(info.name(), info.version(), PREVIOUS_LABEL);
    String version = Long.toString(newVersion);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretName", entry.name());
    detail.put("secretArn", current.arn());
    detail.put("versionId", version);
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    record(
        entry,
        now,
        "ok",
        List.of(Long.toString(info.version()), version),
        Map.of("parameter", info.name(), "generator", spec.type()));
    String token = "ssm-v" + version;
    rotations.recordStep(
        new RotationRecord.StepUpdate(entry.name(), token, STEP, "completed", now, null));
    rotations.recordRotated(entry.name(), token, version, now);
  }

  private void dueWithoutGenerator(
      SecretEntry entry, ParameterInfo info, Instant last, Instant now) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretName", entry.name());
    detail.put("parameter", info.name());
    detail.put("reason", "no-generator");
    if (last != null) {
      detail.put("lastRotated", last.toString());
    }
    events.publish(EventPublisher.Types.ROTATE_SOURCE, SweepEvents.SECRET_ROTATION_DUE, detail);
    record(entry, now, "skipped", List.of(Long.toString(info.version())), detail);
  }

  void recordFailure(SecretEntry entry, Instant now, String error) {
    record(entry, now, "failed", List.of(), Map.of("error", error));
  }

  private void record(
      SecretEntry entry,
      Instant now,
      String outcome,
      List<String> versions,
      Map<String, String> detail) {
    audit.record(
        AuditEvent.of(now, actor, "rotation." + STEP, entry.name(), outcome)
            .withVersions(versions)
            .withDetail(detail));
  }
}
