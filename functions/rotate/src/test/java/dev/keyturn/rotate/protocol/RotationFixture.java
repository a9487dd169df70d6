package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.observability.RecordingMetrics;
import dev.keyturn.rotate.RotationGenerators;
import dev.keyturn.rotate.fakes.InMemoryAuditLog;
import dev.keyturn.rotate.fakes.InMemoryHeroku;
import dev.keyturn.rotate.fakes.InMemoryInventoryStore;
import dev.keyturn.rotate.fakes.InMemoryRotationSecrets;
import dev.keyturn.rotate.fakes.InMemoryRotationStore;
import dev.keyturn.rotate.fakes.RecordingEventPublisher;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.password.FakeRandomPasswordPort;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.rotate.vendor.heroku.HerokuVendor;
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
  final InMemoryHeroku heroku = new InMemoryHeroku();
  final List<java.time.Duration> sleeps = new ArrayList<>();
  final RecordingMetrics metrics = new RecordingMetrics();
  final RotationService service;

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
   * @param moreVendors vendors besides Heroku (e.g. one that accepts generated values)
   */
  RotationFixture(
      SecretEntry entry,
      String initialValue,
      java.util.function.UnaryOperator<SecretStages> secretsOverride,
      List<Vendor> moreVendors) {
    this.secrets = new InMemoryRotationSecrets(entry.source().id(), initialValue);
    inventory.add(entry);
    SecretStages port = secretsOverride == null ? secrets : secretsOverride.apply(secrets);
    service =
        new RotationService(
            inventory,
            port,
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
