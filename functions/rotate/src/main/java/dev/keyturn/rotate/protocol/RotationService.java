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
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.supplied.SuppliedValues;
import dev.keyturn.rotate.supplied.ValueNotSuppliedException;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.InventoryStore;
import java.time.Clock;
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
  private final VendorIssuance issuance;
  private final CredentialRetirement retirement;
  private final RotationCompletion completion;
  private final RotationPrecheck precheck;
  private final Metrics metrics;

  public RotationService(
      InventoryStore inventory,
      SecretStages secrets,
      GeneratorRegistry generators,
      Vendors vendors,
      RotationJournal journal,
      EventPublisher events,
      IssuedValueRetry issuedValueRetry,
      Metrics metrics,
      CredentialLedger ledger,
      CredentialRetirement retirement,
      Clock clock) {
    this(
        inventory,
        secrets,
        generators,
        vendors,
        journal,
        events,
        issuedValueRetry,
        metrics,
        ledger,
        retirement,
        clock,
        FinishHook.NONE);
  }

  /**
   * @param finishHook runs in finishSecret after {@code SecretRotated} is published and before any
   *     old credential is stopped or the rotation is recorded as completed (see {@link FinishHook})
   */
  public RotationService(
      InventoryStore inventory,
      SecretStages secrets,
      GeneratorRegistry generators,
      Vendors vendors,
      RotationJournal journal,
      EventPublisher events,
      IssuedValueRetry issuedValueRetry,
      Metrics metrics,
      CredentialLedger ledger,
      CredentialRetirement retirement,
      Clock clock,
      FinishHook finishHook) {
    this(
        inventory,
        secrets,
        generators,
        vendors,
        journal,
        events,
        issuedValueRetry,
        metrics,
        ledger,
        retirement,
        clock,
        finishHook,
        RotationPrecheck.NONE);
  }

  /**
   * @param precheck may refuse a rotation at the start of createSecret, before anything is written
   *     (a webhook sender keyturn cannot reach is behind: see {@link RotationPrecheck})
   */
  public RotationService(
      InventoryStore inventory,
      SecretStages secrets,
      GeneratorRegistry generators,
      Vendors vendors,
      RotationJournal journal,
      EventPublisher events,
      IssuedValueRetry issuedValueRetry,
      Metrics metrics,
      CredentialLedger ledger,
      CredentialRetirement retirement,
      Clock clock,
      FinishHook finishHook,
      RotationPrecheck precheck) {
    this.precheck = precheck;
    this.inventory = inventory;
    this.secrets = secrets;
    this.generators = generators;
    this.vendors = vendors;
    this.journal = journal;
    this.events = events;
    this.issuance =
        new VendorIssuance(
            ledger,
            new IssuedValueWriter(
                secrets,
                issuedValueRetry.attempts(),
                issuedValueRetry.firstBackoff(),
                issuedValueRetry.sleeper()),
            clock);
    this.retirement = retirement;
    this.completion = new RotationCompletion(secrets, events, journal, finishHook);
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
    } catch (RotationRefusedException refused) {
      throw refused; // counted as RotationsRefused by the precheck: a refusal is not a failure
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
   * nothing happens. Then the {@link RotationPrecheck} may refuse the rotation before anything is
   * written; a refused rotation takes AWSPENDING off the token's version (it holds no value), so
   * the secret is not left with an unfinished rotation that would block the next one. For a
   * credential only its vendor can issue, the credential the last rotation replaced (AWSPREVIOUS)
   * is retired first (it may hold one of the vendor's few slots, as IAM's two keys per user), then
   * the vendor issues a new one next to the current one and it is stored at once as AWSPENDING
   * ({@link VendorIssuance}: an earlier attempt's unstored credential is found and removed first).
   * An operator-assisted entry (no generator) has nothing to make: its value must already be there,
   * supplied by a person ({@code keyturn rotate NAME --from-stdin}), else the step fails rather
   * than invent one. Otherwise the entry's generator makes a value from the AWSCURRENT one and
   * PutSecretValue stores it as the token's AWSPENDING version.
   */
  String createSecret(StepContext c) {
    String currentVersion = currentVersion(c);
    if (secrets.value(c.secretId(), c.token(), Stages.PENDING).isPresent()) {
      return "already-created";
    }
    precheck(c, currentVersion);
    String currentValue = currentValue(c, currentVersion);
    Optional<VendorCredentials> issuer = issuer(c);
    if (issuer.isPresent()) {
      retirement.retirePrevious(c.entry(), c.secretId(), c.metadata(), currentValue);
      return issuance.issue(c, issuer.get(), currentValue);
    }
    if (c.generatorType() == null) {
      throw new ValueNotSuppliedException(c.name());
    }
    SecretGenerator generator = generator(c);
    String value =
        generator.generate(new GenerationRequest(c.name(), c.generatorOptions(), currentValue));
    secrets.putPending(c.secretId(), c.token(), value, c.event().rotationToken());
    return "created";
  }

  private void precheck(StepContext c, String currentVersion) {
    boolean hasOlder = c.metadata().versionWith(Stages.PREVIOUS).isPresent();
    try {
      precheck.check(c.entry(), new RotationPrecheck.Rotation(c.token(), currentVersion, hasOlder));
    } catch (RotationRefusedException refused) {
      try {
        if (c.metadata().hasStage(c.token(), Stages.PENDING)) {
          secrets.removeStage(c.secretId(), Stages.PENDING, c.token());
        }
      } catch (RuntimeException labelStays) {
        refused.addSuppressed(labelStays);
      }
      throw refused;
    }
  }

  /**
   * setSecret. Without a vendor side this is a no-op, and so it is for a vendor-issued credential:
   * it has been live at the vendor since createSecret. For a vendor that accepts values, the
   * generated AWSPENDING value is applied there (applying the same value twice is harmless). A
   * vendor that accepts values gets the AWSPREVIOUS value on request too (a database user whose
   * AWSCURRENT password no longer logs in).
   */
  String setSecret(StepContext c) {
    if (issuer(c).isPresent()) {
      return "live-at-vendor";
    }
    Optional<Vendor> vendor = vendor(c);
    if (vendor.isEmpty()) {
      return "no-vendor";
    }
    String value =
        secrets
            .value(c.secretId(), c.token(), Stages.PENDING)
            .orElseThrow(() -> new PendingValueMissingException(c.name(), c.token()));
    vendor.get().apply(c.name(), currentValue(c, currentVersion(c)), value, () -> previousValue(c));
    return "applied";
  }

  /** The AWSPREVIOUS value, if the secret has one (read only when a vendor asks for it). */
  private Optional<String> previousValue(StepContext c) {
    return c.metadata()
        .versionWith(Stages.PREVIOUS)
        .flatMap(version -> secrets.value(c.secretId(), version, Stages.PREVIOUS));
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
    Optional<VendorCredentials> issuer = issuer(c);
    if (issuer.isPresent()) {
      issuer.get().test(c.name(), c.generatorOptions(), value);
      return "proven-at-vendor";
    }
    Optional<Vendor> vendor = vendor(c);
    vendor.ifPresent(v -> v.prove(c.name(), value));
    return vendor.isPresent() ? "proven-at-vendor" : "well-formed";
  }

  /**
   * finishSecret. Moves AWSCURRENT to the token (RemoveFromVersionId = the old current, which
   * Secrets Manager then labels AWSPREVIOUS), takes AWSPENDING off the token so no AWSPENDING label
   * is left, publishes {@code SecretRotated} (name, ARN and version id; never the value), runs the
   * {@link FinishHook} (webhook senders get the new value), audits and records the rotation as
   * completed. A vendor-issued old credential keeps working: it is retired by the rotation life
   * cycle once the rotation is {@code confirmed} (never before), not here. When a retry finds the
   * token already AWSCURRENT, the guard sends it to {@link #alreadyCurrent}, which completes
   * whatever is missing.
   */
  void finishSecret(StepContext c) {
    String previous = currentVersion(c);
    secrets.moveStage(c.secretId(), Stages.CURRENT, c.token(), previous);
    completion.complete(c, true, previous);
  }

  /**
   * The token is already AWSCURRENT, so the step is a successful no-op. The one exception is a
   * finishSecret retried after the stage move but before the rotation was recorded as completed:
   * that retry completes it (stray AWSPENDING label, event, audit, hook, records), so a failure
   * late in finishSecret never loses the SecretRotated event. The event may then be published
   * twice; its consumers key on the version id.
   */
  private String alreadyCurrent(StepContext c) {
    if (c.step() == RotationStep.FINISH_SECRET && journal.isUnfinished(c)) {
      boolean pendingOnToken = c.metadata().hasStage(c.token(), Stages.PENDING);
      String previous = c.metadata().versionWith(Stages.PREVIOUS).orElse(null);
      completion.complete(c, pendingOnToken, previous);
      return FINISHED;
    }
    journal.noOp(c, "already-current");
    return "already-current";
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

  private Optional<VendorCredentials> issuer(StepContext c) {
    return vendors.issuerFor(c.generatorType());
  }
}
