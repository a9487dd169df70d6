package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.refusal.SenderCheck;
import dev.keyturn.rotate.refusal.SenderRefusal;
import dev.keyturn.rotate.refusal.UnconfirmedCheck;
import dev.keyturn.rotate.refusal.UnconfirmedRefusal;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeCredentialLedger;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeRotationOverrideStore;
import dev.keyturn.testing.fakes.FakeRotationStore;
import dev.keyturn.testing.fakes.FakeSecret;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import dev.keyturn.testing.fakes.FakeSenderSightings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A RotationService over in-memory ports, for one secret (rotation configured unless asked). */
final class RotationFixture {

  /** The ports the service calls; inject failures here. */
  final FakeSecretsManager secretsManager = new FakeSecretsManager();

  /** The one secret, for the test to start rotations and read versions back. */
  final FakeSecret secrets;

  final FakeInventoryStore inventory = new FakeInventoryStore();
  final FakeRotationStore rotations = new FakeRotationStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final FakeEventPublisher events = new FakeEventPublisher();
  final FakeCredentialLedger ledger = new FakeCredentialLedger();
  final List<java.time.Duration> sleeps = new ArrayList<>();
  final FakeMetrics metrics = new FakeMetrics();
  final FakeSenderSightings sightings = new FakeSenderSightings();
  final FakeRotationOverrideStore overrides = new FakeRotationOverrideStore();
  final RotationService service;
  final CredentialRetirement retirement;

  RotationFixture(SecretEntry entry, String initialValue) {
    this(entry, initialValue, List.of());
  }

  /**
   * @param moreVendors vendors that accept generated values (e.g. a database user)
   */
  RotationFixture(SecretEntry entry, String initialValue, List<Vendor> moreVendors) {
    this(entry, initialValue, moreVendors, List.of());
  }

  /**
   * @param issuers adapters for vendor-issued credentials (e.g. {@code InMemoryAccessKeys})
   */
  RotationFixture(
      SecretEntry entry,
      String initialValue,
      List<Vendor> moreVendors,
      List<VendorCredentials> issuers) {
    this(entry, initialValue, moreVendors, issuers, true);
  }

  /**
   * A secret nobody configured rotation on (no rotation Lambda): what {@code keyturn rotate
   * --in-process} and operator-assisted rotation drive themselves.
   */
  static RotationFixture withoutRotationLambda(SecretEntry entry, String initialValue) {
    return new RotationFixture(entry, initialValue, List.of(), List.of(), false);
  }

  private RotationFixture(
      SecretEntry entry,
      String initialValue,
      List<Vendor> moreVendors,
      List<VendorCredentials> issuers,
      boolean rotationLambda) {
    FakeSecret secret = secretsManager.create(entry.source().id(), initialValue);
    this.secrets = rotationLambda ? secret.enableRotation() : secret;
    inventory.add(entry);
    Vendors vendors = new Vendors(new ArrayList<>(moreVendors), issuers);
    Clock clock = Clock.systemUTC();
    retirement =
        new CredentialRetirement(inventory, secretsManager, vendors, ledger, audit, clock, "test");
    service =
        new RotationService(
            inventory,
            secretsManager,
            RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
            vendors,
            new RotationJournal(rotations, audit, clock, "test"),
            events,
            new IssuedValueRetry(3, Duration.ofMillis(10), sleeps::add),
            metrics,
            ledger,
            retirement,
            clock,
            FinishHook.NONE,
            RotationPrecheck.all(
                List.of(
                    new SenderRefusal(
                        inventory,
                        new SenderCheck(sightings),
                        overrides,
                        audit,
                        metrics,
                        clock,
                        "test"),
                    new UnconfirmedRefusal(
                        new UnconfirmedCheck(vendors, rotations),
                        overrides,
                        audit,
                        metrics,
                        clock,
                        "test"))));
  }

  StepOutcome run(RotationStep step, String token) {
    return service.handle(new RotationEvent(step, secrets.arn(), token, null));
  }

  /** Moves the entry's last completed rotation to {@code stage}, as the life cycle would. */
  void lifecycleReached(String secretName, String token, LifecycleStage stage) {
    rotations.advance(secretName, token, stage, Instant.now());
  }

  /** Runs the four steps in order, as Secrets Manager does. */
  void rotate(String token) {
    for (RotationStep step : RotationStep.values()) {
      run(step, token);
    }
  }
}
