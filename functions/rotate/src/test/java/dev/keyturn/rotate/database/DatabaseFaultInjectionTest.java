package dev.keyturn.rotate.database;

import static dev.keyturn.rotate.support.DatabaseWorld.logsIn;
import static dev.keyturn.rotate.support.DatabaseWorld.readsAppData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.support.AwsCallTap;
import dev.keyturn.rotate.support.AwsCallTap.Fault;
import dev.keyturn.rotate.support.AwsCallTap.Mode;
import dev.keyturn.rotate.support.DatabaseCallTap;
import dev.keyturn.rotate.support.DatabaseWorld;
import dev.keyturn.rotate.support.ManagedDatabase;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.db.WithDatabases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fault injection at every step of each database type: every Secrets Manager call and every
 * database operation a clean rotation makes (found by running one) fails once, in turn, with the
 * real adapters, drivers and servers underneath. BEFORE: the request never arrives. AFTER (changes
 * only): the change is made but the answer is lost (a timeout, a dropped connection). After each
 * fault the four steps are retried with the same token, as Secrets Manager does, and the rotation
 * must converge: one new AWSCURRENT holding the first value ever put under it, the old version
 * AWSPREVIOUS, the new password live at the server, the old one gone (single user) or still working
 * (alternating users), the ROTATION item completed, and every step harmless when sent once more.
 *
 * <p>Database faults are injected for all six types. Secrets Manager faults for the two PostgreSQL
 * types only: that path (values, the master secret, stages) is the same code for every engine, and
 * each case costs a full rotation against moto. DynamoDB and EventBridge faults are
 * engine-independent; RotationFaultInjectionTest covers them.
 */
@WithLocalAws
@WithDatabases
class DatabaseFaultInjectionTest {

  private static final Set<String> MUTATING =
      Set.of("SecretsManager.PutSecretValue", "SecretsManager.UpdateSecretVersionStage");
  private static final int SECRETS_MANAGER_RETRIES = 3;

  private static RotateFunctionFixture fn;

  @BeforeAll
  static void start(LocalAws aws) {
    DatabaseWorld.trustTestCa();
    fn = RotateFunctionFixture.start(aws, null);
  }

  @AfterAll
  static void stop() {
    fn.close();
  }

  @TestFactory
  Stream<DynamicTest> everyCallOfEveryStep_failingOnce_convergesToTheSameEndState() {
    return Arrays.stream(DatabaseType.values())
        .flatMap(type ->
            faultsOfACleanRotation(type).stream()
                .map(fault ->
                    dynamicTest(type.type() + ": " + fault, () -> rotateWith(type, fault))));
  }

  /** The calls of one clean rotation, as faults: each once BEFORE, changes AFTER too. */
  private static List<Fault> faultsOfACleanRotation(DatabaseType type) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String token = fn.driver.startRotation(s.arn());
    fn.events.drain();
    AwsCallTap.reset();
    DatabaseCallTap.reset();
    fn.run.allSteps(s.arn(), token);
    assertConverged(s, token);
    List<String> calls = new ArrayList<>();
    if (DatabaseWorld.engine(type) == Engine.POSTGRES) {
      AwsCallTap.calls().stream().filter(c -> c.startsWith("SecretsManager.")).forEach(calls::add);
    }
    calls.addAll(DatabaseCallTap.calls());
    Map<String, Integer> seen = new HashMap<>();
    Set<Fault> faults = new LinkedHashSet<>();
    List<Fault> after = new ArrayList<>();
    for (String call : calls) {
      int occurrence = seen.merge(call, 1, Integer::sum);
      faults.add(new Fault(call, occurrence, Mode.BEFORE));
      if (MUTATING.contains(call) || (isDatabase(call) && DatabaseCallTap.changes(call))) {
        after.add(new Fault(call, occurrence, Mode.AFTER));
      }
    }
    faults.addAll(after);
    assertThat(DatabaseCallTap.calls()).as("a clean rotation talks to the server").isNotEmpty();
    return List.copyOf(faults);
  }

  private static void rotateWith(DatabaseType type, Fault fault) {
    ManagedDatabase s = ManagedDatabase.create(fn, type, null, false);
    String token = fn.driver.startRotation(s.arn());
    fn.events.drain();
    AwsCallTap.reset();
    DatabaseCallTap.reset();
    if (isDatabase(fault.operation())) {
      DatabaseCallTap.plan(fault);
    } else {
      AwsCallTap.plan(fault);
    }
    try {
      fn.run.untilDone(s.arn(), token, SECRETS_MANAGER_RETRIES, step -> {});

      assertThat(AwsCallTap.faultFired() || DatabaseCallTap.faultFired())
          .as("the fault was injected")
          .isTrue();
      assertConverged(s, token);
      assertEveryStepRepeatsHarmlessly(s, token);
    } catch (AssertionError failed) {
      throw new AssertionError(
          type.type() + " with fault " + fault + ": " + failed.getMessage(), failed);
    }
  }

  private static void assertConverged(ManagedDatabase s, String token) {
    String current = fn.driver.valueOf(s.arn(), token);
    SecretParts.register(s.type().type(), current);
    assertThat(fn.driver.stages(s.arn()))
        .as("exactly one new AWSCURRENT, the old AWSPREVIOUS, no AWSPENDING")
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(s.app().value().equals(fn.driver.valueOf(s.arn(), s.firstVersion())))
        .as("the first version's value is intact")
        .isTrue();
    assertThat(current.equals(AwsCallTap.firstValuePut(token)))
        .as("the new version holds the first value ever put under it")
        .isTrue();
    assertThat(AwsCallTap.replacedVersions()).as("no put tried to replace a value").isEmpty();
    ConnectionSecret live = ConnectionSecret.parse(current);
    assertThat(readsAppData(live))
        .as("AWSCURRENT logs in and reads the app's data")
        .isEqualTo("first");
    assertThat(logsIn(s.first()))
        .as(s.type().alternating() ? "AWSPREVIOUS still logs in" : "the old password is gone")
        .isEqualTo(s.type().alternating());
    RotationRecord record = fn.rotations.rotation(s.entry().name(), token).orElseThrow();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(fn.events.drain())
        .filteredOn(e -> e.detailType().equals("SecretRotated"))
        .extracting(e -> e.detail().get("versionId"))
        .isNotEmpty()
        .containsOnly(token);
  }

  private static void assertEveryStepRepeatsHarmlessly(ManagedDatabase s, String token) {
    for (String step : RotationRun.STEPS) {
      fn.run.step(step, s.arn(), token);
    }
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(readsAppData(ConnectionSecret.parse(fn.driver.valueOf(s.arn(), token))))
        .isEqualTo("first");
    assertThat(fn.events.drain()).isEmpty();
  }

  private static boolean isDatabase(String operation) {
    return !operation.startsWith("SecretsManager.");
  }
}
