package dev.keyturn.rotate.sweep;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.protocol.ErrorNames;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.rotate.protocol.RotationRefusedException;
import dev.keyturn.rotate.supplied.SuppliedValues;
import dev.keyturn.rotate.sweep.RotationOutcome.Failed;
import dev.keyturn.rotate.sweep.RotationOutcome.NotRotatable;
import dev.keyturn.rotate.sweep.RotationOutcome.Reason;
import dev.keyturn.rotate.sweep.RotationOutcome.Rotated;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.ParameterValue;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates one SSM SecureString entry now: a new value from the entry's generator, PutParameter
 * (Overwrite, history kept), label {@code current} on the new version and {@code previous} on the
 * old one, then SecretRotated, audit and the record of the rotation. The record is written last, so
 * a rotation that fails halfway leaves the entry due and the next sweep rotates it again; no
 * version is ever overwritten. The sweep runs it for every due entry, {@code keyturn rotate} on
 * demand, so both behave the same. It reports the entry's problems as its outcome, never by
 * throwing.
 */
public final class ParameterRotation {

  private static final Logger LOG = LoggerFactory.getLogger(ParameterRotation.class);

  /** The audit detail's generator for a value a person supplied. */
  static final String SUPPLIED = "supplied-by-operator";

  private final ParameterStore parameters;
  private final GeneratorRegistry generators;
  private final RotationStore rotations;
  private final SweepAudit audit;
  private final EventPublisher events;
  private final Clock clock;
  private final RotationPrecheck precheck;

  public ParameterRotation(
      ParameterStore parameters,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      String actor) {
    this(parameters, generators, rotations, audit, events, clock, actor, RotationPrecheck.NONE);
  }

  /**
   * @param precheck may refuse a generated rotation before PutParameter (a webhook sender keyturn
   *     cannot reach is behind); the refusal is the outcome {@link Reason#REFUSED}
   */
  public ParameterRotation(
      ParameterStore parameters,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      String actor,
      RotationPrecheck precheck) {
    this.precheck = precheck;
    this.parameters = parameters;
    this.generators = generators;
    this.rotations = rotations;
    this.audit = new SweepAudit(audit, actor);
    this.events = events;
    this.clock = clock;
  }

  /** Rotates the entry whatever its cadence says: the guards of {@link #refusal}, then rotation. */
  public RotationOutcome rotateNow(SecretEntry entry) {
    return rotateNow(entry, null);
  }

  /**
   * Rotates an operator-assisted entry (no generator) to a value a person supplied, as {@link
   * #rotateNow(SecretEntry)} rotates a generated one: same guards, then the value's checks ({@link
   * SuppliedValues}, against the {@code current} version) instead of the generator.
   *
   * @param suppliedValue the new value; null to generate one
   */
  public RotationOutcome rotateNow(SecretEntry entry, String suppliedValue) {
    Instant now = clock.instant();
    Optional<ParameterInfo> info;
    try {
      info = describe(entry);
    } catch (RuntimeException e) {
      return new Failed(entry.name(), ErrorNames.describe(e)); // nothing attempted yet
    }
    Optional<NotRotatable> refused = refusal(entry, info.orElse(null), suppliedValue != null);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (suppliedValue == null) {
      Optional<RotationOutcome> behind = precheck(entry, info.get());
      if (behind.isPresent()) {
        return behind.get();
      }
    }
    return rotate(entry, info.get(), now, suppliedValue);
  }

  /**
   * The precheck, before anything is written: the rotation's id is {@code ssm:<next version>};
   * {@code previous} labelled on the version before the current one means a sender may hold it.
   */
  private Optional<RotationOutcome> precheck(SecretEntry entry, ParameterInfo info) {
    String current = Long.toString(info.version());
    String id = "ssm:" + (info.version() + 1);
    boolean hasOlder = info.version() > 1;
    try {
      precheck.check(entry, new RotationPrecheck.Rotation(id, current, hasOlder));
      return Optional.empty();
    } catch (RotationRefusedException refused) {
      return Optional.of(new NotRotatable(entry.name(), Reason.REFUSED, refused.getMessage()));
    } catch (RuntimeException e) {
      return Optional.of(new Failed(entry.name(), ErrorNames.describe(e))); // nothing written
    }
  }

  /** The entry's parameter as SSM describes it (no value); empty when it does not exist. */
  public Optional<ParameterInfo> describe(SecretEntry entry) {
    String id = entry.source().id();
    return Optional.ofNullable(parameters.describe(List.of(id)).get(id));
  }

  /**
   * Why {@link #rotateNow} would change nothing, or empty when it would rotate. Changes nothing.
   *
   * @param info the parameter as described, or null when it does not exist
   */
  public Optional<NotRotatable> refusal(SecretEntry entry, ParameterInfo info) {
    return refusal(entry, info, false);
  }

  /**
   * As {@link #refusal(SecretEntry, ParameterInfo)}, for a rotation with ({@code supplied}) or
   * without a value supplied by a person: a supplied value needs an entry without a generator.
   */
  public Optional<NotRotatable> refusal(SecretEntry entry, ParameterInfo info, boolean supplied) {
    String id = entry.source().id();
    if (cadence(entry).isEmpty()) {
      String tag = entry.tags().rotation().orElse("(none)");
      return refuse(
          entry,
          Reason.NON_ROTATING,
          "it is tagged rotation: " + tag + ", which the" + " sweep never rotates");
    }
    if (supplied && entry.generator() != null) {
      return refuse(
          entry,
          Reason.HAS_GENERATOR,
          "it has a generator (" + entry.generator().type() + "): keyturn makes its value");
    }
    if (!supplied && entry.generator() == null) {
      return refuse(
          entry,
          Reason.NO_GENERATOR,
          "it has no generator: its value is issued by the vendor (supply it with --from-stdin)");
    }
    if (info == null) {
      return refuse(entry, Reason.MISSING, "SSM parameter " + id + " does not exist");
    }
    if (!info.isSecureString()) {
      return refuse(
          entry,
          Reason.NOT_SECURE_STRING,
          "SSM parameter " + id + " is a " + info.type() + ", not a SecureString");
    }
    return Optional.empty();
  }

  private static Optional<NotRotatable> refuse(SecretEntry entry, Reason reason, String detail) {
    return Optional.of(new NotRotatable(entry.name(), reason, detail));
  }

  /** The entry's cadence; empty for {@code non-rotating} or a missing tag. */
  static Optional<java.time.Duration> cadence(SecretEntry entry) {
    return entry.tags().rotation().flatMap(Cadence::fromTag).flatMap(Cadence::interval);
  }

  /**
   * Rotates an entry that passed the guards. A failure is logged and audited ({@code
   * rotation.sweep}, outcome {@code failed}, the error's name) and returned.
   */
  RotationOutcome rotate(SecretEntry entry, ParameterInfo info, Instant now) {
    return rotate(entry, info, now, null);
  }

  private RotationOutcome rotate(
      SecretEntry entry, ParameterInfo info, Instant now, String suppliedValue) {
    try {
      long version = put(entry, info, now, suppliedValue);
      return new Rotated(entry.name(), info.version(), version, now);
    } catch (RuntimeException e) {
      String error = ErrorNames.describe(e);
      LOG.error("rotation of {} failed: {}", entry.name(), error);
      try {
        audit.failed(entry, now, error);
      } catch (RuntimeException auditFailed) {
        LOG.error(
            "auditing the failed rotation of {} failed too: {}",
            entry.name(),
            ErrorNames.describe(auditFailed));
      }
      return new Failed(entry.name(), error);
    }
  }

  private long put(SecretEntry entry, ParameterInfo info, Instant now, String suppliedValue) {
    ParameterValue current = parameters.read(info.name(), info.version());
    String value = suppliedValue == null ? generate(entry, current.value()) : suppliedValue;
    if (suppliedValue != null) {
      SuppliedValues.check(entry, value, current.value());
    }
    long newVersion = parameters.putSecure(info.name(), value, info.keyId());
    parameters.label(info.name(), newVersion, Stages.PARAMETER_CURRENT);
    parameters.label(info.name(), info.version(), Stages.PARAMETER_PREVIOUS);
    String version = Long.toString(newVersion);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretName", entry.name());
    detail.put("secretArn", current.arn());
    detail.put("versionId", version);
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    audit.record(
        entry,
        now,
        "ok",
        List.of(Long.toString(info.version()), version),
        Map.of(
            "parameter",
            info.name(),
            "generator",
            suppliedValue == null ? entry.generator().type() : SUPPLIED));
    String token = "ssm-v" + version;
    rotations.recordStep(
        new RotationRecord.StepUpdate(
            entry.name(), token, SweepAudit.STEP, "completed", now, null));
    rotations.recordRotated(entry.name(), token, version, now);
    return newVersion;
  }

  private String generate(SecretEntry entry, String currentValue) {
    GeneratorSpec spec = entry.generator();
    SecretGenerator generator = generators.get(spec.type());
    String value =
        generator.generate(new GenerationRequest(entry.name(), spec.options(), currentValue));
    try {
      generator.checkWellFormed(value, spec.options());
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(entry.name());
    }
    return value;
  }
}
