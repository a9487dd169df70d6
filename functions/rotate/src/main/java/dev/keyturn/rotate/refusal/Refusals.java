package dev.keyturn.rotate.refusal;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.RotationPrecheck.Rotation;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * What every refusal guard does once its check found a reason to refuse: take the one-shot override
 * {@code keyturn rotate NAME --force} left (then audit {@code rotation.forced}, outcome {@code
 * refusal-overridden}, and let the rotation go on), or audit {@code rotation.refused}, count {@code
 * RotationsRefused} and throw the guard's named exception. One place, so the guards cannot drift
 * apart in what they record.
 */
final class Refusals {

  private final RotationOverrideStore overrides;
  private final AuditLog audit;
  private final Metrics metrics;
  private final Clock clock;
  private final String actor;

  Refusals(
      RotationOverrideStore overrides, AuditLog audit, Metrics metrics, Clock clock, String actor) {
    this.overrides = overrides;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.actor = actor;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Refuses the rotation unless it was forced.
   *
   * @param facts the guard's audit detail (names and version ids, never values); {@code reason} is
   *     added to it
   * @param refusal the guard's named exception, thrown when nothing forced the rotation
   */
  void refuseUnlessForced(
      Logger log,
      SecretEntry entry,
      Rotation rotation,
      Instant now,
      String reason,
      Map<String, String> facts,
      Supplier<? extends RuntimeException> refusal) {
    Optional<RotationOverride> forced = overrides.take(entry.name(), rotation.id(), now);
    if (forced.isPresent()) {
      Map<String, String> detail = new LinkedHashMap<>();
      detail.put("forcedBy", forced.get().actor());
      detail.put("grantedAt", forced.get().grantedAt().toString());
      audit.record(
          event(
              now,
              "rotation.forced",
              "refusal-overridden",
              entry,
              rotation,
              detail,
              facts,
              reason));
      log.warn("rotation of {} forced by {}: {}", entry.name(), forced.get().actor(), reason);
      return;
    }
    audit.record(
        event(
            now,
            "rotation.refused",
            "refused",
            entry,
            rotation,
            new LinkedHashMap<>(),
            facts,
            reason));
    metrics.count(Metric.ROTATIONS_REFUSED, 1);
    log.warn("rotation of {} refused: {}", entry.name(), reason);
    throw refusal.get();
  }

  private AuditEvent event(
      Instant at,
      String action,
      String outcome,
      SecretEntry entry,
      Rotation rotation,
      Map<String, String> detail,
      Map<String, String> facts,
      String reason) {
    detail.putAll(facts);
    detail.put("reason", reason);
    return AuditEvent.of(at, actor, action, entry.name(), outcome)
        .withVersions(List.of(rotation.id(), rotation.currentVersion()))
        .withDetail(detail);
  }
}
