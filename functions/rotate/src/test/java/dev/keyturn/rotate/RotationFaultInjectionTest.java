package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.AwsCallTap;
import dev.keyturn.rotate.support.AwsCallTap.Fault;
import dev.keyturn.rotate.support.AwsCallTap.Mode;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fault injection at the boundary: every AWS call a clean rotation makes (found by running one) is
 * failed once, in turn, with the real adapters, moto, DynamoDB Local and the Heroku stand-in
 * underneath. BEFORE: the request never reaches AWS. AFTER (mutating calls only; a lost answer to a
 * read is the same as a failed read): AWS did the work but the answer is lost. Heroku calls fail
 * with a 503 that changes nothing. After each fault the test retries the whole sequence with the
 * same token, as Secrets Manager does, and checks the rotation converged to the same end state with
 * every version's first value intact.
 */
@WithLocalAws
@WithHerokuStandIn(resetBeforeEach = false)
class RotationFaultInjectionTest {

  /** Calls that change something (a lost answer to a read is the same as a failed read). */
  private static boolean mutating(String call) {
    String operation = call.substring(call.indexOf('.') + 1);
    return operation.startsWith("Put")
        || operation.startsWith("Update")
        || operation.startsWith("Create")
        || operation.startsWith("Delete");
  }

  /**
   * aws-iam-access-key has the same loop through the shaded jar (VendorRotationLambdaRuntimeIT);
   * running it here too would double the build's longest test for no new path.
   */
  private static final List<String> TYPES = List.of("hmac-key", "heroku-authorization");

  private static final int SECRETS_MANAGER_RETRIES = 3;

  /** The function's Heroku request timeout in this class, and an answer that comes after it. */
  private static final String HEROKU_REQUEST_TIMEOUT = "1500ms";

  private static final java.time.Duration HEROKU_LATE = java.time.Duration.ofMillis(2500);

  private static RotateFunctionFixture fn;
  private static HerokuStandIn heroku;

  @BeforeAll
  static void start(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    System.setProperty("heroku.request-timeout", HEROKU_REQUEST_TIMEOUT);
    fn = RotateFunctionFixture.start(aws, standIn.baseUrl());
  }

  @AfterAll
  static void stop() {
    fn.close();
    System.clearProperty("heroku.request-timeout");
  }

  private record Managed(SecretEntry entry, String arn, String firstVersion, String firstValue) {}

  private static Managed managed(String type) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "RX_FAULT_" + suffix.toUpperCase();
    String first;
    Map<String, String> options = Map.of();
    if (type.equals("heroku-authorization")) {
      OAuthAuthorization a = heroku.seedAuthorization("keyturn " + name);
      SeededSecrets.register(a.accessToken());
      first = new HerokuCredential(a.id().toString(), a.accessToken()).toSecretValue();
    } else {
      first = SeededSecrets.generate("fault-" + type);
    }
    SecretEntry entry = Entries.secretsManager(name, "keyturn/test/fault-" + suffix, type, options);
    var created = fn.managedSecret(entry, first);
    return new Managed(entry, created.arn(), created.versionId(), first);
  }

  @TestFactory
  Stream<DynamicTest> everyAwsCall_failingOnce_convergesToTheSameEndState() {
    return TYPES.stream()
        .flatMap(type ->
            faultsOfACleanRotation(type).stream()
                .map(fault ->
                    dynamicTest(type + ": " + fault, () -> rotateWith(type, fault, step -> {}))));
  }

  @TestFactory
  Stream<DynamicTest> everyHerokuCall_failingOnce_convergesToTheSameEndState() {
    int calls = herokuCallsOfACleanRotation();
    return IntStream.rangeClosed(1, calls)
        .boxed()
        .flatMap(k ->
            Stream.of(
                herokuFault(
                    "Heroku 503 at call " + k + " of " + calls, () -> heroku.failNth(k, 503)),
                herokuFault(
                    "Heroku answer lost after it acted, at call " + k + " of " + calls,
                    () -> heroku.delayNth(k, HEROKU_LATE, DelayedEffect.APPLIED))));
  }

  private static DynamicTest herokuFault(String name, Runnable inject) {
    return dynamicTest(
        name,
        () -> {
          boolean[] injected = {false};
          rotateWith(
              "heroku-authorization",
              null,
              step -> {
                if (!injected[0]) {
                  injected[0] = true;
                  inject.run();
                }
              });
          assertThat(heroku.pendingFaults()).as("the fault was served").isZero();
        });
  }

  /** How many Heroku requests one clean rotation makes (info, create, account, delete). */
  private static int herokuCallsOfACleanRotation() {
    Managed s = managed("heroku-authorization");
    String token = fn.driver.startRotation(s.arn());
    int before = heroku.requests().size();
    fn.run.allSteps(s.arn(), token);
    int calls = heroku.requests().size() - before;
    assertConverged("heroku-authorization", s, token);
    assertThat(calls)
        .as("GET info, POST create, GET /account: the old one stays until confirmed")
        .isEqualTo(3);
    return calls;
  }

  /**
   * Calls a process makes once, not per rotation: the audit log asks STS who it is on its first
   * event and remembers the answer, so a later rotation never repeats the call (and a failing STS
   * leaves the event recorded with its given actor: core's AttributedAuditLogTest).
   */
  private static final Set<String> ONCE_PER_PROCESS = Set.of("Sts.GetCallerIdentity");

  /** The calls of one clean rotation, as faults: each call once BEFORE, mutating ones AFTER too. */
  private static List<Fault> faultsOfACleanRotation(String type) {
    Managed s = managed(type);
    String token = fn.driver.startRotation(s.arn());
    AwsCallTap.reset();
    fn.run.allSteps(s.arn(), token);
    assertConverged(type, s, token);
    Map<String, Integer> seen = new HashMap<>();
    Set<Fault> faults = new LinkedHashSet<>();
    List<Fault> after = new ArrayList<>();
    for (String call : AwsCallTap.calls()) {
      if (ONCE_PER_PROCESS.contains(call)) {
        continue;
      }
      int occurrence = seen.merge(call, 1, Integer::sum);
      faults.add(new Fault(call, occurrence, Mode.BEFORE));
      if (mutating(call)) {
        after.add(new Fault(call, occurrence, Mode.AFTER));
      }
    }
    faults.addAll(after);
    assertThat(faults).as("a clean rotation makes AWS calls").isNotEmpty();
    return List.copyOf(faults);
  }

  private static void rotateWith(String type, Fault fault, Consumer<String> beforeStep) {
    Managed s = managed(type);
    String token = fn.driver.startRotation(s.arn());
    fn.events.drain(); // events of earlier scenarios are not this one's
    AwsCallTap.reset();
    AwsCallTap.plan(fault);

    try {
      fn.run.untilDone(s.arn(), token, SECRETS_MANAGER_RETRIES, beforeStep);

      if (fault != null) {
        assertThat(AwsCallTap.faultFired()).as("the fault was injected").isTrue();
      }
      assertConverged(type, s, token);
      assertEveryStepRepeatsHarmlessly(type, s, token);
    } catch (AssertionError failed) {
      // surefire reports dynamic tests by index: name the fault in the failure itself
      throw new AssertionError(type + " with fault " + fault + ": " + failed.getMessage(), failed);
    }
  }

  private static void assertConverged(String type, Managed s, String token) {
    String current = fn.driver.valueOf(s.arn(), token);
    SecretParts.register(type, current);
    assertThat(fn.driver.stages(s.arn()))
        .as("exactly one new AWSCURRENT, the old AWSPREVIOUS, no AWSPENDING")
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(s.firstValue().equals(fn.driver.valueOf(s.arn(), s.firstVersion())))
        .as("the first version's value is intact")
        .isTrue();
    assertThat(current.equals(AwsCallTap.firstValuePut(token)))
        .as("the new version holds the first value ever put under it")
        .isTrue();
    assertThat(AwsCallTap.replacedVersions()).as("no put tried to replace a value").isEmpty();
    RotationRecord record = fn.rotations.rotation(s.entry().name(), token).orElseThrow();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.stepTimes().keySet()).containsExactlyInAnyOrderElementsOf(RotationRun.STEPS);
    assertThat(fn.events.drain())
        .filteredOn(e -> e.detailType().equals("SecretRotated"))
        .extracting(e -> e.detail().get("versionId"))
        .isNotEmpty()
        .containsOnly(token);
    if (type.equals("heroku-authorization")) {
      assertHerokuConverged(s, current);
    }
  }

  /**
   * The new token works, the old one too (the rotation is not confirmed: only the life cycle
   * retires it), and no other one was left behind.
   */
  private static void assertHerokuConverged(Managed s, String current) {
    HerokuCredential live = HerokuCredential.parse(current);
    HerokuCredential old = HerokuCredential.parse(s.firstValue());
    assertThat(heroku.authenticates(live.token())).as("the AWSCURRENT token works").isTrue();
    assertThat(heroku.authenticates(old.token()))
        .as("the old authorization works until confirmed and retired by the life cycle")
        .isTrue();
    assertThat(heroku.authorizations())
        .filteredOn(a -> a.description().contains(s.entry().name()))
        .extracting(a -> a.id().toString())
        .as("the new authorization and the old one for this secret: no orphan of a retried create")
        .containsExactlyInAnyOrder(live.authorizationId(), old.authorizationId());
    heroku.assertNoContractViolations();
  }

  private static void assertEveryStepRepeatsHarmlessly(String type, Managed s, String token) {
    for (String step : RotationRun.STEPS) {
      fn.run.step(step, s.arn(), token);
    }
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(fn.events.drain()).isEmpty();
  }
}
