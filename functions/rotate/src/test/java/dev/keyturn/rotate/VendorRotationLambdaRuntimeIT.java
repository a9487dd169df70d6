package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.AwsSdkSettings;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.IamUsers;
import dev.keyturn.rotate.support.InventorySeeder;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.faults.AwsFaultProxy;
import dev.keyturn.testing.faults.AwsFaultProxy.Mode;
import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.lambda.LambdaInvocationException;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Vendor-issued credentials rotated end to end by the shaded jar, loaded through the Lambda
 * runtime's own handler loader and invoked with Secrets Manager's rotation event JSON, against moto
 * (Secrets Manager, IAM, STS, EventBridge), DynamoDB Local and the Heroku stand-in.
 *
 * <p>A property over "fail at call k": a clean rotation is run first and its calls counted; then,
 * for every k, a fresh secret rotates with the k-th call failing once: every AWS call through an
 * {@link AwsFaultProxy} in front of the emulators (refused, or applied with its answer lost so the
 * SDK retries it), every Heroku call through the stand-in (503, or applied and answered too late).
 * Secrets Manager's retry is played by running the four steps again with the same token. Then: one
 * new AWSCURRENT, the old version AWSPREVIOUS with its value, the new credential working and the
 * old one still working (the rotation is not confirmed: finishSecret never stops it), nothing else
 * left behind at the vendor, the rotation's event published; every step sent once more changes
 * nothing; the sweep function's life cycle (the same jar, retire-grace 0s: the entry has no
 * consumers, so it is confirmed at once) retires the old credential; and the next rotation (clean)
 * leaves the second credential working until its own life cycle retires it.
 */
@WithLocalAws
@WithHerokuStandIn(resetBeforeEach = false)
class VendorRotationLambdaRuntimeIT {

  private static final int PASSES = 3;
  private static final Duration HEROKU_LATE = Duration.ofMillis(2500);
  private static final List<String> SAVED =
      List.of(
          AwsSdkSettings.ENDPOINT_PROPERTY,
          AwsSdkSettings.DYNAMODB_ENDPOINT_PROPERTY,
          "heroku.api-url",
          "heroku.request-timeout",
          "keyturn.event-bus",
          "keyturn.lifecycle.retire-grace",
          "aws.lambda.function.name");

  private static final Map<String, String> saved = new HashMap<>();
  private static AwsFaultProxy proxy;
  private static LambdaRuntimeHarness rotate;
  private static LambdaRuntimeHarness sweep;
  private static SecretsManagerRotationDriver driver;
  private static InventorySeeder inventory;
  private static EventTap events;
  private static IamUsers iam;
  private static HerokuStandIn heroku;

  @BeforeAll
  static void load(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    iam = new IamUsers();
    SAVED.forEach(p -> saved.put(p, System.getProperty(p)));
    System.setProperty("keyturn.event-bus", "keyturn");
    events = new EventTap("keyturn");
    // only the function's clients (built when the jar loads) go through the proxy
    proxy =
        AwsFaultProxy.start()
            .front("aws", aws.endpoint())
            .front("dynamodb", aws.dynamoDbEndpoint());
    System.setProperty(AwsSdkSettings.ENDPOINT_PROPERTY, proxy.endpoint("aws").toString());
    System.setProperty(
        AwsSdkSettings.DYNAMODB_ENDPOINT_PROPERTY, proxy.endpoint("dynamodb").toString());
    System.setProperty("heroku.api-url", standIn.baseUrl().toString());
    System.setProperty("heroku.request-timeout", "1500ms");
    System.setProperty("aws.lambda.function.name", "keyturn-rotate-vendor-it");
    System.setProperty("keyturn.lifecycle.retire-grace", "0s");
    TemplateFunction fn = TemplateFunction.of("RotateFunction");
    rotate = LambdaRuntimeHarness.load(fn.codeUri(), fn.handler());
    TemplateFunction sweepFn = TemplateFunction.of("SweepFunction");
    sweep = LambdaRuntimeHarness.load(sweepFn.codeUri(), sweepFn.handler());
  }

  @AfterAll
  static void close() {
    rotate.close();
    sweep.close();
    proxy.close();
    iam.close();
    saved.forEach((p, v) -> {
      if (v == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, v);
      }
    });
  }

  private record Managed(
      String type, SecretEntry entry, String arn, String firstVersion, String firstValue) {

    String user() {
      return entry.generator().options().get("user");
    }
  }

  private static Managed managed(String type) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "RX_JAR_" + suffix.toUpperCase();
    Map<String, String> options = Map.of();
    String first;
    if (type.equals("aws-iam-access-key")) {
      options = Map.of("user", iam.user("rx-jar"));
      first = iam.newKey(options.get("user"));
    } else {
      OAuthAuthorization a = heroku.seedAuthorization("keyturn seed " + name);
      SeededSecrets.register(a.accessToken());
      first = new HerokuCredential(a.id().toString(), a.accessToken()).toSecretValue();
    }
    SecretEntry entry = Entries.secretsManager(name, "keyturn/test/jar-" + suffix, type, options);
    var created = driver.createSecret(entry.source().id(), first);
    inventory.add(entry);
    return new Managed(type, entry, created.arn(), created.versionId(), first);
  }

  @TestFactory
  Stream<DynamicTest> awsIamAccessKey_everyAwsCallFailingOnce_convergesAfterARetry() {
    return awsFaults("aws-iam-access-key");
  }

  @TestFactory
  Stream<DynamicTest> herokuAuthorization_everyAwsCallFailingOnce_convergesAfterARetry() {
    return awsFaults("heroku-authorization");
  }

  @TestFactory
  Stream<DynamicTest> herokuAuthorization_everyHerokuCallFailingOnce_convergesAfterARetry() {
    Managed clean = managed("heroku-authorization");
    String token = driver.startRotation(clean.arn());
    int before = heroku.requests().size();
    runUntilDone(clean, token, null);
    int calls = heroku.requests().size() - before;
    assertConverged(clean, token);
    assertThat(calls)
        .as("GET info, POST create, GET /account; no DELETE: the old one works until confirmed")
        .isEqualTo(3);
    return IntStream.rangeClosed(1, calls)
        .boxed()
        .flatMap(k ->
            Stream.of(
                dynamicTest(
                    "Heroku 503 at call " + k,
                    () ->
                        scenario(
                            "heroku-authorization", () -> heroku.failNth(k, 503), HEROKU_STRUCK)),
                dynamicTest(
                    "Heroku answer lost after it acted, at call " + k,
                    () ->
                        scenario(
                            "heroku-authorization",
                            () -> heroku.delayNth(k, HEROKU_LATE, DelayedEffect.APPLIED),
                            HEROKU_STRUCK))));
  }

  /** One case per AWS call of a clean rotation: refused, and (if it changes something) lost. */
  private static Stream<DynamicTest> awsFaults(String type) {
    // the function asks STS who it is once per process (audit attribution): one rotation before
    // the counted one, so the count holds only the calls every rotation makes
    Managed warm = managed(type);
    String warmToken = driver.startRotation(warm.arn());
    runUntilDone(warm, warmToken, null);
    events.drain(); // the warm-up's SecretRotated, and any an earlier factory left
    Managed clean = managed(type);
    String token = driver.startRotation(clean.arn());
    proxy.reset();
    runUntilDone(clean, token, null);
    List<String> calls = proxy.calls();
    assertConverged(clean, token);
    assertThat(calls).as("a clean rotation's AWS calls").isNotEmpty();
    List<DynamicTest> cases = new ArrayList<>();
    for (int k = 1; k <= calls.size(); k++) {
      int at = k;
      String call = calls.get(k - 1);
      cases.add(
          dynamicTest(
              type + ": " + call + " (call " + k + " of " + calls.size() + ") refused",
              () -> scenario(type, () -> proxy.failAt(at, Mode.REFUSED), PROXY_STRUCK)));
      if (mutating(call)) {
        cases.add(
            dynamicTest(
                type + ": " + call + " (call " + k + ") applied, answer lost",
                () -> scenario(type, () -> proxy.failAt(at, Mode.ANSWER_LOST), PROXY_STRUCK)));
      }
    }
    return cases.stream();
  }

  private static boolean mutating(String call) {
    String operation = call.substring(call.indexOf('.') + 1);
    return operation.startsWith("Put")
        || operation.startsWith("Update")
        || operation.startsWith("Create")
        || operation.startsWith("Delete");
  }

  private static final BooleanSupplier PROXY_STRUCK = () -> proxy.failedCall() != null;
  private static final BooleanSupplier HEROKU_STRUCK = () -> heroku.pendingFaults() == 0;

  private static void scenario(String type, Runnable fault, BooleanSupplier struck) {
    Managed s = managed(type);
    String token = driver.startRotation(s.arn());
    events.drain();
    proxy.reset();
    int passes = runUntilDone(s, token, fault);
    try {
      assertThat(struck.getAsBoolean()).as("the fault struck").isTrue();
      assertConverged(s, token);
      assertEveryStepRepeatsHarmlessly(s, token);
      assertTheLifeCycleRetiresTheOldCredential(s, token);
      assertTheNextRotationKeepsTheSecondWorking(s, token);
    } catch (AssertionError failed) {
      throw new AssertionError(
          type
              + " after "
              + passes
              + " passes, calls "
              + proxy.calls()
              + ": "
              + failed.getMessage(),
          failed);
    }
  }

  /** The four steps until one pass succeeds, as Secrets Manager retries a failed rotation. */
  private static int runUntilDone(Managed s, String token, Runnable fault) {
    if (fault != null) {
      fault.run();
    }
    LambdaInvocationException last = null;
    for (int pass = 1; pass <= PASSES; pass++) {
      try {
        for (String step : RotationRun.STEPS) {
          rotate.invoke(EventJson.rotationStep(step, s.arn(), token));
        }
        return pass;
      } catch (LambdaInvocationException failed) {
        last = failed;
      }
    }
    throw new AssertionError(
        "no convergence in "
            + PASSES
            + " passes; last: "
            + last.errorType()
            + " "
            + last.errorMessage());
  }

  private static void assertConverged(Managed s, String token) {
    String current = driver.valueOf(s.arn(), token);
    SecretParts.register(s.type(), current);
    assertThat(driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(s.firstValue().equals(driver.valueOf(s.arn(), s.firstVersion())))
        .as("the first version's value is intact")
        .isTrue();
    assertThat(events.drain())
        .filteredOn(e -> e.detailType().equals("SecretRotated"))
        .extracting(e -> e.detail().get("versionId"))
        .isNotEmpty()
        .containsOnly(token);
    assertVendor(s, current, s.firstValue());
  }

  /**
   * The AWSCURRENT credential and the old one both work (not confirmed: nothing retired it), and
   * nothing else exists for this secret at the vendor.
   */
  private static void assertVendor(Managed s, String current, String old) {
    if (s.type().equals("aws-iam-access-key")) {
      assertThat(iam.keys(s.user()))
          .as("the new key and the old one, both active; no third key")
          .containsOnly(
              Map.entry(IamUsers.keyId(current), "Active"),
              Map.entry(IamUsers.keyId(old), "Active"));
      return;
    }
    HerokuCredential live = HerokuCredential.parse(current);
    HerokuCredential kept = HerokuCredential.parse(old);
    assertThat(heroku.authenticates(live.token())).as("the AWSCURRENT token works").isTrue();
    assertThat(heroku.authenticates(kept.token()))
        .as("the old token works until the life cycle retires it")
        .isTrue();
    assertThat(authorizationIds(s))
        .as("the new authorization and the old one for this secret, no orphan")
        .containsExactlyInAnyOrder(live.authorizationId(), kept.authorizationId());
    heroku.assertNoContractViolations();
  }

  private static List<String> authorizationIds(Managed s) {
    List<String> seed = List.of(HerokuCredential.parse(s.firstValue()).authorizationId());
    return heroku.authorizations().stream()
        .filter(a -> a.description().contains(s.entry().name()) || seed.contains(a.id().toString()))
        .map(a -> a.id().toString())
        .toList();
  }

  /** The sweep's life cycle: the only place the old credential is retired, once confirmed. */
  private static void assertTheLifeCycleRetiresTheOldCredential(Managed s, String token) {
    proxy.reset();
    sweep.invoke(EventJson.resource("scheduled-event.json"));
    events.drain();
    String current = driver.valueOf(s.arn(), token);
    if (s.type().equals("aws-iam-access-key")) {
      assertThat(iam.keys(s.user()))
          .as("the old key deleted by the life cycle, the new one active")
          .containsOnly(Map.entry(IamUsers.keyId(current), "Active"));
      return;
    }
    assertThat(heroku.authenticates(HerokuCredential.parse(s.firstValue()).token()))
        .as("the old token is revoked by the life cycle")
        .isFalse();
    assertThat(authorizationIds(s))
        .containsExactly(HerokuCredential.parse(current).authorizationId());
    heroku.assertNoContractViolations();
  }

  private static void assertEveryStepRepeatsHarmlessly(Managed s, String token) {
    proxy.reset();
    for (String step : RotationRun.STEPS) {
      rotate.invoke(EventJson.rotationStep(step, s.arn(), token));
    }
    assertThat(driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(events.drain()).isEmpty();
    assertVendor(s, driver.valueOf(s.arn(), token), s.firstValue());
  }

  /** A clean next rotation: the first credential stays gone, the second and third work. */
  private static void assertTheNextRotationKeepsTheSecondWorking(Managed s, String token) {
    String next = driver.startRotation(s.arn());
    proxy.reset();
    for (String step : RotationRun.STEPS) {
      rotate.invoke(EventJson.rotationStep(step, s.arn(), next));
    }
    String third = driver.valueOf(s.arn(), next);
    SecretParts.register(s.type(), third);
    events.drain();
    assertVendor(s, third, driver.valueOf(s.arn(), token));
    if (s.type().equals("aws-iam-access-key")) {
      assertThat(iam.keys(s.user())).doesNotContainKey(IamUsers.keyId(s.firstValue()));
    } else {
      assertThat(
              heroku.hasAuthorization(
                  UUID.fromString(HerokuCredential.parse(s.firstValue()).authorizationId())))
          .isFalse();
    }
  }
}
