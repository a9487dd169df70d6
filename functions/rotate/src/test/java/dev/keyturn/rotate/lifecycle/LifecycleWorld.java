package dev.keyturn.rotate.lifecycle;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationRecord.StepUpdate;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeCredentialLedger;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeParameterStore;
import dev.keyturn.testing.fakes.FakePort;
import dev.keyturn.testing.fakes.FakeRotationStore;
import dev.keyturn.testing.fakes.FakeSecret;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import dev.keyturn.testing.fakes.FakeSenderPushStore;
import dev.keyturn.testing.fakes.FakeSenderSightings;
import dev.keyturn.testing.fakes.FakeSyncStateStore;
import dev.keyturn.testing.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A LifecycleService over in-memory ports, and what a test does to the world around it. */
final class LifecycleWorld {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration DEADLINE = Duration.ofHours(24);

  final MutableClock clock = new MutableClock(START);
  final FakeInventoryStore inventory = new FakeInventoryStore();
  final FakeRotationStore rotations = new FakeRotationStore();
  final FakeSyncStateStore syncState = new FakeSyncStateStore();
  final FakeSenderPushStore pushes = new FakeSenderPushStore();
  final FakeSenderSightings sightings = new FakeSenderSightings();
  final FakeSecretsManager secretsManager = new FakeSecretsManager(clock);
  final FakeParameterStore parameters = new FakeParameterStore(clock);
  final FakeCredentialLedger ledger = new FakeCredentialLedger();
  final FakeAuditLog audit = new FakeAuditLog();
  final FakeMetrics metrics = new FakeMetrics();
  final LifecycleService service;

  LifecycleWorld() {
    this(Duration.ZERO);
  }

  /**
   * @param retireGrace how long after confirmed the old version stays live (most tests: none)
   */
  LifecycleWorld(Duration retireGrace) {
    this(retireGrace, List.of());
  }

  /**
   * @param issuers vendor credential adapters (an in-memory IAM) whose credentials the retire step
   *     deletes
   */
  LifecycleWorld(Duration retireGrace, List<VendorCredentials> issuers) {
    Vendors vendors = new Vendors(List.of(), issuers);
    CredentialRetirement retirement =
        new CredentialRetirement(
            inventory, secretsManager, vendors, ledger, audit, clock, "test-sweep");
    service =
        new LifecycleService(
            inventory,
            rotations,
            new RotatedSources(secretsManager, parameters),
            new Consumers(syncState, pushes, sightings),
            new OldVersions(secretsManager, parameters, vendors, retirement),
            audit,
            metrics,
            clock,
            "test-sweep",
            DEADLINE,
            retireGrace);
  }

  /** Every fake a pass calls, for fault injection. */
  List<FakePort> ports() {
    return List.of(
        inventory,
        rotations,
        syncState,
        pushes,
        sightings,
        secretsManager,
        parameters,
        audit,
        ledger);
  }

  static SecretEntry entry(String name, Source source, String generator, List<Sink> sinks) {
    return new SecretEntry(
        name,
        source,
        Tags.of("api", "high", "raptor", "90d"),
        List.of("prod"),
        null,
        null,
        generator == null ? null : new GeneratorSpec(generator, Map.of()),
        null,
        List.of(),
        null,
        sinks);
  }

  /** A Secrets Manager entry rotated once by keyturn: returns {old, new} version ids. */
  String[] rotateSecret(SecretEntry entry) {
    FakeSecret secret = secretsManager.create(entry.source().id(), "seed-" + entry.name());
    inventory.add(entry);
    String old = secret.versionWith(Stages.CURRENT).orElseThrow();
    secret.startRotation();
    String token = secret.stagePending("rotated-" + entry.name());
    secret.finishRotation();
    complete(entry.name(), token, token);
    return new String[] {old, token};
  }

  /** What finishSecret's journal writes at the end of a rotation. */
  void complete(String name, String token, String version) {
    rotations.recordStep(new StepUpdate(name, token, "finishSecret", "ok", clock.instant(), null));
    rotations.recordRotated(name, token, version, clock.instant());
    rotations.recordStep(
        new StepUpdate(name, token, "finishSecret", "completed", clock.instant(), null));
  }

  /** Sync published the version to a Heroku app, release not confirmed yet. */
  void published(String app, String var, String name, String version) {
    syncState.recordPublished(
        app, List.of(new VarState(app, var, name, version, "rel-1", 7, clock.instant(), null)));
  }

  /** Heroku's api:release webhook (or sync's polling) confirmed the release. */
  void releaseConfirmed(String app) {
    syncState.confirmRelease(app, "rel-1", clock.instant());
  }

  RotationRecord run(String name, String token) {
    return rotations.rotation(name, token).orElseThrow();
  }

  LifecycleStage stage(String name, String token) {
    return run(name, token).stage();
  }

  /** Runs passes until one changes nothing (at most 5). */
  void settle() {
    for (int i = 0; i < 5; i++) {
      if (service.advanceAll().advanced() == 0) {
        return;
      }
    }
  }
}
