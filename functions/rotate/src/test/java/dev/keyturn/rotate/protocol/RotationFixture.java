package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.observability.RecordingMetrics;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.InMemoryAuditLog;
import dev.keyturn.rotate.fakes.InMemoryCredentialLedger;
import dev.keyturn.rotate.fakes.InMemoryInventoryStore;
import dev.keyturn.rotate.fakes.InMemoryRotationSecrets;
import dev.keyturn.rotate.fakes.InMemoryRotationStore;
import dev.keyturn.rotate.fakes.RecordingEventPublisher;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.SecretStages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A RotationService over in-memory ports, for one secret. */
final class RotationFixture {

  final InMemoryRotationSecrets secrets;
  final InMemoryInventoryStore inventory = new InMemoryInventoryStore();
  final InMemoryRotationStore rotations = new InMemoryRotationStore();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final RecordingEventPublisher events = new RecordingEventPublisher();
  final InMemoryCredentialLedger ledger = new InMemoryCredentialLedger();
  final List<java.time.Duration> sleeps = new ArrayList<>();
  final RecordingMetrics metrics = new RecordingMetrics();
  final RotationService service;
  final CredentialRetirement retirement;

  RotationFixture(SecretEntry entry, String initialValue) {
    this(entry, initialValue, null);
  }

  /**
   * @param secretsOverride ports wrapped around {@link #secrets} (e.g. to inject failures); null
   *     for the plain fake
   */
  RotationFixture(
      SecretEntry entry,
      String initialValue,
      java.util.function.UnaryOperator<SecretStages> secretsOverride) {
    this(entry, initialValue, secretsOverride, List.of());
  }

  /**
   * @param moreVendors vendors that accept generated values (e.g. a database user)
   */
  RotationFixture(
      SecretEntry entry,
      String initialValue,
      java.util.function.UnaryOperator<SecretStages> secretsOverride,
      List<Vendor> moreVendors) {
    this(entry, initialValue, secretsOverride, moreVendors, List.of());
  }

  /**
   * @param issuers adapters for vendor-issued credentials (e.g. {@code InMemoryAccessKeys})
   */
  RotationFixture(
      SecretEntry entry,
      String initialValue,
      java.util.function.UnaryOperator<SecretStages> secretsOverride,
      List<Vendor> moreVendors,
      List<VendorCredentials> issuers) {
    this.secrets = new InMemoryRotationSecrets(entry.source().id(), initialValue);
    inventory.add(entry);
    SecretStages port = secretsOverride == null ? secrets : secretsOverride.apply(secrets);
    Vendors vendors = new Vendors(new ArrayList<>(moreVendors), issuers);
    Clock clock = Clock.systemUTC();
    retirement = new CredentialRetirement(inventory, port, vendors, ledger, audit, clock, "test");
    service =
        new RotationService(
            inventory,
            port,
            RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
            vendors,
            new RotationJournal(rotations, audit, clock, "test"),
            events,
            new IssuedValueRetry(3, Duration.ofMillis(10), sleeps::add),
            metrics,
            ledger,
            retirement,
            clock);
  }

  StepOutcome run(RotationStep step, String token) {
    return service.handle(new RotationEvent(step, secrets.arn(), token, null));
  }

  /** Runs the four steps in order, as Secrets Manager does. */
  void rotate(String token) {
    for (RotationStep step : RotationStep.values()) {
      run(step, token);
    }
  }
}
