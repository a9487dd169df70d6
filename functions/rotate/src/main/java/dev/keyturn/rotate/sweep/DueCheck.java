package dev.keyturn.rotate.sweep;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.state.RotationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweep's decision for one SSM entry: a parameter that is not a SecureString is skipped (and
 * audited), one whose cadence has not elapsed since its last rotation (else its last change) is
 * left alone, a due one without a generator gets {@code SecretRotationDue} (a person rotates it),
 * and every other due one is rotated by {@link ParameterRotation}, as {@code keyturn rotate} would.
 */
final class DueCheck {

  /** What happened to one entry. */
  enum Outcome {
    ROTATED,
    NOT_DUE,
    SKIPPED,
    FAILED
  }

  private final ParameterRotation rotation;
  private final RotationStore rotations;
  private final SweepAudit audit;
  private final EventPublisher events;

  DueCheck(
      ParameterRotation rotation,
      RotationStore rotations,
      SweepAudit audit,
      EventPublisher events) {
    this.rotation = rotation;
    this.rotations = rotations;
    this.audit = audit;
    this.events = events;
  }

  Outcome rotateIfDue(SecretEntry entry, ParameterInfo info, Instant now) {
    if (!info.isSecureString()) {
      audit.record(entry, now, "skipped", List.of(), Map.of("reason", "not-securestring"));
      return Outcome.SKIPPED;
    }
    Optional<Duration> cadence = ParameterRotation.cadence(entry);
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
    return switch (rotation.rotate(entry, info, now)) {
      case RotationOutcome.Rotated rotated -> Outcome.ROTATED;
      case RotationOutcome.Failed failed -> Outcome.FAILED;
      case RotationOutcome.NotRotatable refused -> Outcome.SKIPPED;
    };
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
    audit.record(entry, now, "skipped", List.of(Long.toString(info.version())), detail);
  }
}
