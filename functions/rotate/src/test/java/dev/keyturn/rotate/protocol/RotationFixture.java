package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.InMemoryHeroku;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.rotate.vendor.heroku.HerokuVendor;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeRotationStore;
import dev.keyturn.testing.fakes.FakeSecret;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A RotationService over in-memory ports, for one secret (rotation configured). */
final class RotationFixture {

  /** The ports the service calls; inject failures here. */
  final FakeSecretsManager secretsManager = new FakeSecretsManager();

  /** The one secret, for the test to start rotations and read versions back. */
  final FakeSecret secrets;

  final FakeInventoryStore inventory = new FakeInventoryStore();
  final FakeRotationStore rotations = new FakeRotationStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final FakeEventPublisher events = new FakeEventPublisher();
  final InMemoryHeroku heroku = new InMemoryHeroku();
  final List<java.time.Duration> sleeps = new ArrayList<>();
  final FakeMetrics metrics = new FakeMetrics();
  final RotationService service;

  RotationFixture(SecretEntry entry, String initialValue) {
    this(entry, initialValue, List.of());
  }

  /**
   * @param moreVendors vendors besides Heroku (e.g. one that accepts generated values)
   */
  RotationFixture(SecretEntry entry, String initialValue, List<Vendor> moreVendors) {
    this.secrets = secretsManager.create(entry.source().id(), initialValue).enableRotation();
    inventory.add(entry);
    service =
        new RotationService(
            inventory,
            secretsManager,
            RotationGenerators.all(new FakeRandomPasswordPort(), new RandomSource()),
            new Vendors(vendors(moreVendors)),
            new RotationJournal(rotations, audit, Clock.systemUTC(), "test"),
            events,
            new IssuedValueRetry(3, Duration.ofMillis(10), sleeps::add),
            metrics);
  }

  private List<Vendor> vendors(List<Vendor> more) {
    List<Vendor> all = new ArrayList<>(more);
    all.add(new HerokuVendor(heroku));
    return all;
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
