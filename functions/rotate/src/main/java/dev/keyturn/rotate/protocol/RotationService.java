package dev.keyturn.rotate.protocol;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.observability.Dimensions;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.supplied.SuppliedValues;
import dev.keyturn.rotate.supplied.ValueNotSuppliedException;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.InventoryStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets Manager's four-step rotation protocol. Every event first passes the guards of AWS's
 * rotation template ({@link RotationGuard}); then the step runs. Every step is idempotent: Secrets
 * Manager retries a failed rotation by running the steps again with the same token, and Lambda may
 * deliver an invocation twice. Each step records its progress and an audit event ({@link
 * RotationJournal}). Values are read only by explicit version id and stage. Metrics: {@code
 * RotationsSucceeded} when a rotation completes, {@code RotationsFailed} (by {@code Step}) for
 * every event that fails or is refused.
 */
public final class RotationService {

  static final String DETAIL_SECRET_NAME = "secretName";
  static final String DETAIL_SECRET_ARN = "secretArn";
  static final String DETAIL_VERSION_ID = "versionId";
  static final String FINISHED = "finished";

  private final InventoryStore inventory;
  private final SecretStages secrets;
  private final GeneratorRegistry generators;
  private final Vendors vendors;
  private final RotationJournal journal;
  private final EventPublisher events;
  private final IssuedValueWriter issuedValues;
  private final Metrics metrics;

  public RotationService(
      InventoryStore inventory,
      SecretStages secrets,
      GeneratorRegistry generators,
      Vendors vendors,
      RotationJournal journal,
      EventPublisher events,
      IssuedValueRetry issuedValueRetry,
      Metrics metrics) {
    this.inventory = inventory;
    this.secrets = secrets;
    this.generators = generators;
    this.vendors = vendors;
    this.journal = journal;
    this.events = events;
    this.issuedValues =
        new IssuedValueWriter(
            secrets,
            issuedValueRetry.attempts(),
            issuedValueRetry.firstBackoff(),
            issuedValueRetry.sleeper());
    this.metrics = metrics;
  }

  /**
   * Runs one event: finds the inventory entry, runs the guards, then the step.
   *
   * @throws UnknownSecretException when no inventory entry has this secret as its source
   * @throws RotationException (and vendor or generator errors) when a guard or the step fails
   */
  public StepOutcome handle(RotationEvent event) {
    return handle(event, false);
  }

  /**
   * As {@link #handle}, for steps keyturn drives itself without RotateSecret ({@link
   * DrivenRotation}); only the guards differ ({@link RotationGuard#checkDriven}).
   */
  public StepOutcome handleDriven(RotationEvent event) {
    return handle(event, true);
  }

  private StepOutcome handle(RotationEvent event, boolean driven) {
    StepOutcome outcome;
    try {
      outcome = run(event, driven);
    } catch (RuntimeException failed) {
      String step = event.step() == null ? "unknown" : event.step().eventName();
      metrics.count(Metric.ROTATIONS_FAILED, 1, Dimensions.STEP, step);
      throw failed;
    }
    if (FINISHED.equals(outcome.outcome())) {
      metrics.count(Metric.ROTATIONS_SUCCEEDED, 1);
    }
    return outcome;
  }

  private StepOutcome run(RotationEvent event, boolean driven) {
    SecretEntry entry =
        inventory
            .secretBySourceId(event.secretId())
            .orElseThrow(() -> new UnknownSecretException(event.secretId()));
    SecretDescription metadata = secrets.require(event.secretId());
    StepContext c = new StepContext(event, entry, metadata);
    RotationGuard.Verdict verdict;
    try {
      verdict =
          driven
              ? RotationGuard.checkDriven(metadata, event.secretId(), event.token())
              : RotationGuard.check(metadata, event.secretId(), event.token());
    } catch (RotationException refused) {
      journal.rejected(c, refused);
      throw refused;
    }
    try {
      String outcome =
          verdict == RotationGuard.Verdict.ALREADY_CURRENT ? alreadyCurrent(c) : runStep(c);
      return new StepOutcome(c.step().eventName(), c.name(), c.token(), outcome);
    } catch (RuntimeException failed) {
      journal.stepFailed(c, failed);
      throw failed;
    }
  }

  private String runStep(StepContext c) {
    String outcome =
        switch (c.step()) {
          case CREATE_SECRET -> createSecret(c);
          case SET_SECRET -> setSecret(c);
          case TEST_SECRET -> testSecret(c);
          case FINISH_SECRET -> {
            finishSecret(c);
            yield FINISHED;
          }
        };
    if (c.step() != RotationStep.FINISH_SECRET) {
      journal.stepDone(c, outcome);
    }
    return outcome;
  }

  /**
   * createSecret. AWSCURRENT must exist. If the token's version already has its AWSPENDING value,
   * nothing happens. A generator whose vendor issues values (Heroku) has nothing to generate yet:
   * the step records "deferred-to-vendor" and puts no value, because a Secrets Manager version can
   * hold only one value and the vendor makes it in setSecret. An operator-assisted entry (no
   * generator) has nothing to make: its value must already be there, supplied by a person ({@code
   * keyturn rotate NAME --from-stdin}), else the step fails rather than invent one. Otherwise the
   * entry's generator makes a value from the AWSCURRENT one and PutSecretValue stores it as the
   * token's AWSPENDING version.
   */
  String createSecret(StepContext c) {
    String currentVersion = currentVersion(c);
    if (secrets.value(c.secretId(), c.token(), Stages.PENDING).isPresent()) {
      return "already-created";
    }
    if (vendor(c).filter(Vendor::issuesValues).isPresent()) {
      return "deferred-to-vendor";
    }
    if (c.generatorType() == null) {
      throw new ValueNotSuppliedException(c.name());
    }
    SecretGenerator generator = generator(c);
    String currentValue = currentValue(c, currentVersion);
    String value =
        generator.generate(new GenerationRequest(c.name(), c.generatorOptions(), currentValue));
    secrets.putPending(c.secretId(), c.token(), value, c.event().rotationToken());
    return "created";
  }

  /**
   * setSecret. Without a vendor side this is a no-op. For a vendor that issues values: if the
   * AWSPENDING version already has a value, the vendor has already issued it (nothing more to do);
   * otherwise the vendor issues a new credential, authenticated by the AWSCURRENT one, and it is
   * stored at once as the AWSPENDING value, retried in-process because it exists nowhere else. For
   * a vendor that accepts values, the generated AWSPENDING value is applied there (applying the
   * same value twice is harmless).
   */
  String setSecret(StepContext c) {
    Optional<Vendor> vendor = vendor(c);
    if (vendor.isEmpty()) {
      return "no-vendor";
    }
    Optional<String> pending = secrets.value(c.secretId(), c.token(), Stages.PENDING);
    if (vendor.get().issuesValues()) {
      if (pending.isPresent()) {
        return "already-applied";
      }
      String issued = vendor.get().apply(c.name(), currentValue(c, currentVersion(c)), null);
      issuedValues.store(c, issued);
      return "applied";
    }
    String value = pending.orElseThrow(() -> new PendingValueMissingException(c.name(), c.token()));
    vendor.get().apply(c.name(), currentValue(c, currentVersion(c)), value);
    return "applied";
  }

  /**
   * testSecret. The AWSPENDING value must be well-formed for the entry's generator; for a vendor
   * credential an authenticated call with it must also succeed. A value supplied by a person (no
   * generator) must differ from AWSCURRENT and keep its shape ({@link SuppliedValues}). Reads only;
   * repeating it is harmless.
   */
  String testSecret(StepContext c) {
    String value =
        secrets
            .value(c.secretId(), c.token(), Stages.PENDING)
            .orElseThrow(() -> new PendingValueMissingException(c.name(), c.token()));
    if (c.generatorType() == null) {
      SuppliedValues.check(c.entry(), value, currentValue(c, currentVersion(c)));
      return "supplied-value-checked";
    }
    try {
      generator(c).checkWellFormed(value, c.generatorOptions());
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(c.name());
    }
    Optional<Vendor> vendor = vendor(c);
    vendor.ifPresent(v -> v.prove(c.name(), value));
    return vendor.isPresent() ? "proven-at-vendor" : "well-formed";
  }

  /**
   * finishSecret. Moves AWSCURRENT to the token (RemoveFromVersionId = the old current, which
   * Secrets Manager then labels AWSPREVIOUS), takes AWSPENDING off the token so no AWSPENDING label
   * is left, publishes {@code SecretRotated} (name, ARN and version id; never the value), audits
   * and records the rotation as completed. When a retry finds the token already AWSCURRENT, the
   * guard sends it to {@link #alreadyCurrent}, which completes whatever bookkeeping is missing.
   */
  void finishSecret(StepContext c) {
    String previous = currentVersion(c);
    secrets.moveStage(c.secretId(), Stages.CURRENT, c.token(), previous);
    complete(c, true, previous);
  }

  /**
   * The token is already AWSCURRENT, so the step is a successful no-op. The one exception is a
   * finishSecret retried after the stage move but before the rotation was recorded as completed:
   * that retry completes it (stray AWSPENDING label, event, audit, records), so a failure late in
   * finishSecret never loses the SecretRotated event. The event may then be published twice; its
   * consumers key on the version id.
   */
  private String alreadyCurrent(StepContext c) {
    if (c.step() == RotationStep.FINISH_SECRET && journal.isUnfinished(c)) {
      boolean pendingOnToken = c.metadata().hasStage(c.token(), Stages.PENDING);
      complete(c, pendingOnToken, c.metadata().versionWith(Stages.PREVIOUS).orElse(null));
      return FINISHED;
    }
    journal.noOp(c, "already-current");
    return "already-current";
  }

  private void complete(StepContext c, boolean pendingOnToken, String previous) {
    if (pendingOnToken) {
      secrets.removeStage(c.secretId(), Stages.PENDING, c.token());
    }
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put(DETAIL_SECRET_NAME, c.name());
    detail.put(DETAIL_SECRET_ARN, c.metadata().arn());
    detail.put(DETAIL_VERSION_ID, c.token());
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    if (previous == null) {
      journal.stepDone(c, FINISHED);
    } else {
      journal.stepDone(c, FINISHED, previous);
    }
    journal.completed(c);
  }

  private String currentVersion(StepContext c) {
    return c.metadata()
        .versionWith(Stages.CURRENT)
        .orElseThrow(() -> new CurrentVersionMissingException(c.name()));
  }

  private String currentValue(StepContext c, String version) {
    return secrets
        .value(c.secretId(), version, Stages.CURRENT)
        .orElseThrow(() -> new CurrentVersionMissingException(c.name()));
  }

  /** Only for entries with a generator: the steps handle operator entries before asking. */
  private SecretGenerator generator(StepContext c) {
    return generators.get(c.generatorType());
  }

  private Optional<Vendor> vendor(StepContext c) {
    return vendors.forGeneratorType(c.generatorType());
  }
}
