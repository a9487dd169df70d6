package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.generator.jwt.JwtKeys;
import dev.keyturn.rotate.lifecycle.LifecycleService;
import dev.keyturn.rotate.protocol.RotationNotEnabledException;
import dev.keyturn.rotate.protocol.TokenNotAVersionException;
import dev.keyturn.rotate.refusal.RotationUnconfirmedException;
import dev.keyturn.rotate.support.AwsCallTap;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.IamUsers;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.RotationRun;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full rotations through {@link RotateHandler}, started from event JSON, against moto, DynamoDB
 * Local and the Heroku stand-in; Secrets Manager's part is played by the test (RotateSecret, then
 * the four step events in order).
 */
@WithLocalAws
@WithHerokuStandIn(resetBeforeEach = false)
class RotationFlowTest {

  private static RotateFunctionFixture fn;
  private static HerokuStandIn heroku;
  private static IamUsers iam;

  @BeforeAll
  static void start(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    iam = new IamUsers();
    fn = RotateFunctionFixture.start(aws, standIn.baseUrl());
  }

  @AfterAll
  static void stop() {
    fn.close();
    iam.close();
  }

  /** A secret of the given generator type with a realistic first value. */
  private record Managed(SecretEntry entry, String arn, String firstVersion, String firstValue) {}

  private static Managed managed(String type) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "RX_" + type.toUpperCase().replace('-', '_') + "_" + suffix.toUpperCase();
    Map<String, String> options =
        switch (type) {
          case "random-password" -> Map.of("length", "40");
          case "hmac-key" -> Map.of("format", "hex");
          case "jwt-ec" -> Map.of("retainedKeys", "2");
          case "json-field" -> Map.of("fields", "secret_key", "length", "40");
          case "aws-iam-access-key" -> Map.of("user", iam.user("rx-flow"));
          default -> Map.of();
        };
    String first =
        switch (type) {
          case "jwt-rsa", "jwt-ec" -> "{}";
          case "json-field" ->
              Json.write(
                  Map.of("key_id", "PKTEST0001", "secret_key", SeededSecrets.generate("alp")));
          case "heroku-authorization" -> {
            OAuthAuthorization a = heroku.seedAuthorization("keyturn " + name);
            SeededSecrets.register(a.accessToken());
            yield new HerokuCredential(a.id().toString(), a.accessToken()).toSecretValue();
          }
          case "aws-iam-access-key" -> iam.newKey(options.get("user"));
          default -> SeededSecrets.generate(type);
        };
    SecretEntry entry =
        Entries.secretsManager(name, "keyturn/test/" + type + "-" + suffix, type, options);
    var created = fn.managedSecret(entry, first);
    return new Managed(entry, created.arn(), created.versionId(), first);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "random-password",
        "hmac-key",
        "jwt-rsa",
        "jwt-ec",
        "json-field",
        "heroku-authorization",
        "aws-iam-access-key"
      })
  void fullRotation_leavesOneNewCurrent_theOldAsPrevious_andNoPending(String type) {
    Managed s = managed(type);
    Instant started = Instant.now().minusSeconds(1);
    String token = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), token);

    String newValue = fn.driver.valueOf(s.arn(), token);
    SecretParts.register(type, newValue);
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(s.firstValue().equals(fn.driver.valueOf(s.arn(), s.firstVersion())))
        .as("the old version keeps its value")
        .isTrue();
    assertThat(s.firstValue().equals(newValue)).as("the new version has a new value").isFalse();
    RotationGenerators.forValidation()
        .get(type)
        .checkWellFormed(newValue, s.entry().generator().options());
    assertCompleteRecords(s.entry().name(), token, started);
    assertSecretRotatedPublished(s, token, newValue);
  }

  @Test
  void jwks_afterKRotations_holdsTheCurrentKeyPlusTheLastNRetiredPublicKeys() {
    Managed s = managed("jwt-ec"); // retainedKeys: 2
    int rotations = 4;
    List<String> kids = new ArrayList<>();
    String value = null;

    for (int i = 0; i < rotations; i++) {
      String token = fn.driver.startRotation(s.arn());
      fn.run.allSteps(s.arn(), token);
      value = fn.driver.valueOf(s.arn(), token);
      SecretParts.register("jwt-ec", value);
      kids.add(JwtKeys.parse(value).signingKey().getKeyID());
    }

    JwtKeys keys = JwtKeys.parse(value);
    assertThat(kids).doesNotHaveDuplicates();
    assertThat(keys.publicKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(kids.get(3), kids.get(2), kids.get(1));
    assertThat(keys.publicKeys().stream().noneMatch(JWK::isPrivate))
        .as("the JWKS holds public keys only")
        .isTrue();
    fn.events.drain();
  }

  @Test
  void herokuRotation_createsANewAuthorization_andLeavesTheOldOneToTheLifeCycle() {
    Managed s = managed("heroku-authorization");
    String token = fn.driver.startRotation(s.arn());
    long creates = heroku.count("POST", "/oauth/authorizations");

    fn.run.allSteps(s.arn(), token);

    HerokuCredential before = HerokuCredential.parse(s.firstValue());
    HerokuCredential after = HerokuCredential.parse(fn.driver.valueOf(s.arn(), token));
    assertThat(after.authorizationId()).isNotEqualTo(before.authorizationId());
    assertThat(heroku.authenticates(after.token())).isTrue();
    assertThat(heroku.authenticates(before.token()))
        .as("not confirmed yet: only the life cycle retires the old authorization")
        .isTrue();
    assertThat(heroku.count("POST", "/oauth/authorizations") - creates).isEqualTo(1);
    assertThat(heroku.count("DELETE", "/oauth/authorizations/" + before.authorizationId()))
        .isZero();
    assertThat(heroku.count("GET", "/account")).isPositive();
    heroku.assertNoContractViolations();
    fn.events.drain();
  }

  @Test
  void iamRotation_nextIsRefusedUntilTheLifeCycleConfirmsTheLast_thenDeletesTheOldKeyForASlot() {
    Managed s = managed("aws-iam-access-key");
    String name = s.entry().name();
    String user = s.entry().generator().options().get("user");
    String first = IamUsers.keyId(s.firstValue());
    String token = fn.driver.startRotation(s.arn());
    AwsCallTap.reset();

    fn.run.allSteps(s.arn(), token);

    String second = IamUsers.keyId(fn.driver.valueOf(s.arn(), token));
    SecretParts.register("aws-iam-access-key", fn.driver.valueOf(s.arn(), token));
    assertThat(iam.keys(user))
        .as("finishSecret stops nothing: the old key works until the life cycle retires it")
        .containsOnly(Map.entry(first, "Active"), Map.entry(second, "Active"));

    Instant before = Instant.now().minusSeconds(1);
    String refused = fn.driver.startRotation(s.arn());
    assertThatThrownBy(() -> fn.run.step("createSecret", s.arn(), refused))
        .as("rotation 1 is finished, not confirmed")
        .isInstanceOf(RotationUnconfirmedException.class)
        .hasMessageContaining("the last rotation (version " + token + ") is finished");
    fn.rotations.advance(name, token, LifecycleStage.PUBLISHED, Instant.now());
    String refusedAgain = fn.driver.startRotation(s.arn());
    assertThatThrownBy(() -> fn.run.step("createSecret", s.arn(), refusedAgain))
        .as("rotation 1 is published, not confirmed")
        .isInstanceOf(RotationUnconfirmedException.class)
        .hasMessageContaining("is published");
    assertThat(iam.keys(user))
        .as("nothing retired, nothing issued while refused")
        .containsOnly(Map.entry(first, "Active"), Map.entry(second, "Active"));
    assertThat(fn.driver.stages(s.arn()))
        .containsEntry(token, List.of("AWSCURRENT"))
        .containsEntry(s.firstVersion(), List.of("AWSPREVIOUS"))
        .containsEntry(refused, List.of())
        .containsEntry(refusedAgain, List.of());
    assertThat(
            fn.audit.since(before, name, 50).stream()
                .filter(e -> e.action().equals("rotation.refused"))
                .map(e -> e.detail().get("stage")))
        .containsExactlyInAnyOrder("finished", "published");

    fn.handler.getApplicationContext().getBean(LifecycleService.class).advance(name);
    assertThat(fn.rotations.rotation(name, token).orElseThrow().stage())
        .as("no consumer to wait for: the life cycle confirms it; the grace keeps the old key")
        .isEqualTo(LifecycleStage.CONFIRMED);
    assertThat(iam.keys(user)).containsKey(first);

    String next = fn.driver.startRotation(s.arn());
    fn.run.allSteps(s.arn(), next);
    String third = IamUsers.keyId(fn.driver.valueOf(s.arn(), next));
    SecretParts.register("aws-iam-access-key", fn.driver.valueOf(s.arn(), next));
    assertThat(iam.keys(user))
        .as("confirmed: the next createSecret deleted the first key for a slot")
        .containsOnly(Map.entry(second, "Active"), Map.entry(third, "Active"));
    fn.events.drain();
  }

  @Test
  void everyStep_sentTwice_isHarmless() {
    Managed s = managed("hmac-key");
    String token = fn.driver.startRotation(s.arn());

    for (String step : RotationRun.STEPS) {
      fn.run.step(step, s.arn(), token);
      fn.run.step(step, s.arn(), token);
    }

    SecretParts.register("hmac-key", fn.driver.valueOf(s.arn(), token));
    assertThat(fn.driver.stages(s.arn()))
        .containsOnly(
            Map.entry(token, List.of("AWSCURRENT")),
            Map.entry(s.firstVersion(), List.of("AWSPREVIOUS")));
    assertThat(AwsCallTap.replacedVersions()).isEmpty();
    assertThat(fn.events.drain())
        .filteredOn(e -> e.detailType().equals("SecretRotated"))
        .hasSize(1);
  }

  @Test
  void rotationToken_isCarriedThroughToPutSecretValue() {
    Managed s = managed("hmac-key");
    String token = fn.driver.startRotation(s.arn());
    var event =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.tree(EventJson.resource("rotation-step-with-rotation-token.json"));
    event.put("SecretId", s.arn()).put("ClientRequestToken", token);

    fn.run.invoke(event.toString());

    SecretParts.register("hmac-key", fn.driver.valueOf(s.arn(), token));
    assertThat(AwsCallTap.rotationTokenPut(token)).isEqualTo(event.get("RotationToken").asText());
  }

  @Test
  void guard_aTokenThatIsNotAVersion_fails_andChangesNothing() {
    Managed s = managed("hmac-key");
    fn.driver.startRotation(s.arn());
    String stranger = UUID.randomUUID().toString();
    Map<String, List<String>> before = fn.driver.stages(s.arn());

    assertThatThrownBy(() -> fn.run.step("createSecret", s.arn(), stranger))
        .isInstanceOf(TokenNotAVersionException.class);
    assertThat(fn.driver.stages(s.arn())).isEqualTo(before);
    assertThat(fn.rotations.rotation(s.entry().name(), stranger)).isEmpty();
  }

  @Test
  void guard_disabledRotation_fails_andLeavesThePendingVersionAlone() {
    Managed s = managed("hmac-key");
    String token = UUID.randomUUID().toString();
    String staged = SeededSecrets.generate("staged-by-hand");
    fn.driver
        .secretsManager()
        .putSecretValue(b ->
            b.secretId(s.arn())
                .clientRequestToken(token)
                .secretString(staged)
                .versionStages("AWSPENDING"));

    for (String step : RotationRun.STEPS) {
      assertThatThrownBy(() -> fn.run.step(step, s.arn(), token))
          .isInstanceOf(RotationNotEnabledException.class);
    }
    assertThat(staged.equals(fn.driver.valueOf(s.arn(), token))).isTrue();
    assertThat(fn.driver.stages(s.arn()).get(s.firstVersion())).containsExactly("AWSCURRENT");
  }

  @Test
  void guard_anAlreadyCurrentToken_isASuccessfulNoOp() {
    Managed s = managed("hmac-key");
    String token = fn.driver.startRotation(s.arn());
    fn.run.allSteps(s.arn(), token);
    SecretParts.register("hmac-key", fn.driver.valueOf(s.arn(), token));
    Map<String, List<String>> before = fn.driver.stages(s.arn());
    fn.events.drain();

    for (String step : RotationRun.STEPS) {
      Map<String, Object> result = fn.run.step(step, s.arn(), token);
      assertThat(result).containsEntry("outcome", "already-current");
    }

    assertThat(fn.driver.stages(s.arn())).isEqualTo(before);
    assertThat(fn.events.drain()).isEmpty();
  }

  private static void assertCompleteRecords(String name, String token, Instant started) {
    RotationRecord record = fn.rotations.rotation(name, token).orElseThrow();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.error()).isNull();
    assertThat(record.stepTimes().keySet()).containsExactlyInAnyOrderElementsOf(RotationRun.STEPS);
    assertThat(fn.rotations.lastRotated(name)).isPresent();
    List<AuditEvent> trail = fn.audit.since(started, name, 100);
    assertThat(trail)
        .extracting(AuditEvent::action)
        .containsSubsequence(
            "rotation.createSecret",
            "rotation.setSecret",
            "rotation.testSecret",
            "rotation.finishSecret");
    assertThat(trail)
        .filteredOn(e -> e.action().startsWith("rotation."))
        .allSatisfy(e -> assertThat(e.versionIds()).contains(token));
    assertThat(trail)
        .filteredOn(e -> e.action().startsWith("credential."))
        .as("a vendor-issued old credential is stopped, audited by its own version")
        .allSatisfy(e -> assertThat(e.versionIds()).doesNotContain(token));
    assertThat(trail).extracting(AuditEvent::outcome).doesNotContain("failed", "rejected");
  }

  private static void assertSecretRotatedPublished(Managed s, String token, String newValue) {
    List<EventTap.Delivered> rotated =
        fn.events.drain().stream().filter(e -> e.detailType().equals("SecretRotated")).toList();
    assertThat(rotated).hasSize(1);
    assertThat(rotated.getFirst().source()).isEqualTo("keyturn.rotate");
    assertThat(rotated.getFirst().detail())
        .containsOnly(
            Map.entry("secretName", s.entry().name()),
            Map.entry("secretArn", s.arn()),
            Map.entry("versionId", token));
    assertThat(rotated.getFirst().raw().contains(newValue)).as("event carries the value").isFalse();
  }
}
