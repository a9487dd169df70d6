package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.json.Json;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.sync.Events;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.sync.SyncIncompleteException;
import dev.keyturn.testing.aws.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.RecordedRequest;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The sync handler, invoked with event JSON, against moto, DynamoDB Local and the Heroku stand-in.
 */
@WithLocalAws
@WithHerokuStandIn
class SyncHandlerIntegrationTest {

  static final String TOKEN_SECRET = "keyturn/it/heroku-token";

  private static ApplicationContext context;
  private static SyncHandler handler;
  private static SecretsManagerClient secretsManager;
  private static SsmClient ssm;

  private HerokuStandIn heroku;
  private LocalAws aws;

  @BeforeAll
  static void startFunction(HerokuStandIn standIn) {
    secretsManager = SecretsManagerClient.create();
    ssm = SsmClient.create();
    String token = SeededSecrets.register(standIn.defaultToken());
    secretsManager.createSecret(b ->
        b.name(TOKEN_SECRET)
            .secretString(
                Json.write(Map.of("authorizationId", "it-authorization", "token", token))));
    context = ApplicationContext.run(functionConfig(standIn));
    handler = new SyncHandler(context);
  }

  /** What template.yaml's environment gives the function, with short timeouts for the faults. */
  static Map<String, Object> functionConfig(HerokuStandIn standIn) {
    return Map.of(
        "heroku.api-url", standIn.baseUrl().toString(),
        "heroku.api-token-secret", TOKEN_SECRET,
        "heroku.request-timeout", "400ms",
        "heroku.retry.base-delay", "5ms",
        "heroku.retry.max-delay", "20ms",
        "keyturn.sync.lease-wait", "10s");
  }

  @AfterAll
  static void stopFunction() {
    context.close();
    secretsManager.close();
    ssm.close();
  }

  @BeforeEach
  void setUp(HerokuStandIn standIn, LocalAws localAws) {
    heroku = standIn;
    aws = localAws;
    AwsCallCounter.reset();
  }

  private SyncWorld world(int apps, int secrets, int parameters) {
    return new SyncWorld(aws, heroku, secretsManager, ssm)
        .withApps(apps, secrets, parameters)
        .seed();
  }

  private static Map<String, Object> invoke(String fixture) {
    return handler.handleRequest(Events.map(fixture), null);
  }

  private static Map<String, Object> invoke(Map<String, Object> event) {
    return handler.handleRequest(event, null);
  }

  private long patches(String app) {
    return heroku.count("PATCH", "/apps/" + app + "/config-vars");
  }

  // --- releases ------------------------------------------------------------------------------

  @Test
  void kOfNChanged_givesExactlyOnePatchAndOneRelease_carryingOnlyTheChangedKeys() {
    SyncWorld w = world(1, 3, 2);
    String app = w.app(0);
    w.createApps(Map.of(app, w.inLine(app)));
    w.rotate(w.vars.get(0));
    w.rotate(w.vars.get(3));

    invoke("scheduled");

    assertThat(patches(app)).isEqualTo(1);
    assertThat(heroku.releases(app)).hasSize(2);
    RecordedRequest patch =
        heroku.requests().stream()
            .filter(r -> r.method().equals("PATCH"))
            .findFirst()
            .orElseThrow();
    List<String> keys = new ArrayList<>();
    patch.body().fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("SECRET_0", "PARAM_0");
    assertThat(w.herokuMatchesSources(app)).isTrue();
  }

  @Test
  void noChange_givesNoPatch_andNeitherDoesASecondRunStraightAfter() {
    SyncWorld w = world(2, 2, 1);
    w.createApps(Map.of(w.app(0), w.inLine(w.app(0))));

    invoke("scheduled");
    invoke("scheduled");

    assertThat(patches(w.app(0))).isZero();
    assertThat(patches(w.app(1))).as("the new app got its vars once").isEqualTo(1);
    assertThat(heroku.releases(w.app(1))).hasSize(2);
  }

  // --- AWS reads -----------------------------------------------------------------------------

  @Test
  void sourceReads_areBatched_atMostCeilNOver20PlusCeilMOver10() {
    SyncWorld w = world(3, 15, 8); // n = 45 secrets, m = 24 parameters
    w.createApps(Map.of());
    invoke("scheduled"); // warms the container (reads the Heroku token once)
    w.vars.stream().filter(v -> v.var().equals("SECRET_0")).forEach(w::rotate);
    AwsCallCounter.reset();

    invoke("scheduled");

    assertThat(AwsCallCounter.count("SecretsManager.BatchGetSecretValue")).isEqualTo(3);
    assertThat(AwsCallCounter.count("Ssm.GetParameters")).isEqualTo(3);
    assertThat(AwsCallCounter.countService("SecretsManager") + AwsCallCounter.countService("Ssm"))
        .as("no other secret reads: ceil(45/20) + ceil(24/10)")
        .isEqualTo(6);
    for (int a = 0; a < 3; a++) {
      assertThat(w.herokuMatchesSources(w.app(a))).isTrue();
    }
  }

  // --- faults ----------------------------------------------------------------------------------

  @Test
  void faults_429s5xxAndTimeouts_areRetried_withoutADuplicateRelease() {
    SyncWorld w = world(1, 2, 1);
    String app = w.app(0);
    w.createApps(Map.of());
    heroku.rateLimitNext(1); // GET config-vars: 429
    heroku.failNext(1, 503); // GET config-vars again: 503
    heroku.delayNext(1, Duration.ZERO); // GET config-vars: answered
    heroku.delayNext(1, Duration.ofMillis(900), DelayedEffect.APPLIED); // PATCH applied, timed out
    heroku.failNext(1, 502); // the client looks (GET config-vars): 502, then again: sees it applied

    invoke("scheduled");

    awaitAnswered("PATCH", "/apps/" + app + "/config-vars", 1);
    assertThat(w.herokuMatchesSources(app)).isTrue();
    assertThat(patches(app)).isEqualTo(1);
    assertThat(heroku.releases(app)).as("v1 + exactly one sync release").hasSize(2);
    assertThat(heroku.pendingFaults()).isZero();
  }

  @Test
  void faults_aPatchAnsweredWith5xx_isSentAgainOnlyAfterLooking() {
    SyncWorld w = world(1, 2, 0);
    String app = w.app(0);
    w.createApps(Map.of());
    heroku.delayNext(1, Duration.ZERO); // GET config-vars
    heroku.failNext(1, 500); // PATCH: 500, nothing changed

    invoke("scheduled");

    assertThat(w.herokuMatchesSources(app)).isTrue();
    assertThat(patches(app)).isEqualTo(2);
    assertThat(heroku.releases(app)).hasSize(2);
  }

  @Test
  void concurrentInvocations_onOneApp_produceOnePatch() throws Exception {
    SyncWorld w = world(1, 3, 0);
    String app = w.app(0);
    w.createApps(Map.of());
    // hold the first invocation's first Heroku read so the two overlap
    heroku.delayNext(1, Duration.ofMillis(300));
    try (ApplicationContext other = ApplicationContext.run(functionConfig(heroku))) {
      SyncHandler second = new SyncHandler(other);
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Map<String, Object>> a =
          CompletableFuture.supplyAsync(() -> await(start, () -> invoke("scheduled")));
      CompletableFuture<Map<String, Object>> b =
          CompletableFuture.supplyAsync(
              () -> await(start, () -> second.handleRequest(Events.map("scheduled"), null)));
      start.countDown();
      a.get();
      b.get();
    }

    assertThat(patches(app)).isEqualTo(1);
    assertThat(heroku.releases(app)).hasSize(2);
    assertThat(w.herokuMatchesSources(app)).isTrue();
  }

  // --- ownership -------------------------------------------------------------------------------

  @Test
  void unmanagedVars_areNeverTouched() {
    SyncWorld w = world(1, 2, 0);
    String app = w.app(0);
    String unmanaged = SeededSecrets.generate("unmanaged");
    w.createApps(Map.of(app, Map.of("DATABASE_URL", unmanaged)));

    invoke("scheduled");

    assertThat(heroku.hasConfigVar(app, "DATABASE_URL", unmanaged)).isTrue();
    assertThat(heroku.configVars(app)).containsOnlyKeys("DATABASE_URL", "SECRET_0", "SECRET_1");
  }

  @Test
  void renameMigration_setsBothNames_thenDeletesTheOldOneInTheSamePatch() {
    SyncWorld w = world(1, 2, 0);
    String app = w.app(0);
    SyncWorld.Var renamed = w.vars.get(0);
    w.createApps(Map.of(app, Map.of("LEGACY_SECRET", w.value(renamed))));
    w.renaming(renamed, "LEGACY_SECRET");
    w.applyInventory();

    invoke("scheduled");
    assertThat(heroku.hasConfigVar(app, "LEGACY_SECRET", w.value(renamed))).isTrue();
    assertThat(heroku.hasConfigVar(app, renamed.var(), w.value(renamed))).isTrue();

    w.renaming(renamed, null);
    w.applyInventory();
    w.rotate(w.vars.get(1));
    invoke("scheduled");

    assertThat(heroku.configVars(app)).containsOnlyKeys("SECRET_0", "SECRET_1");
    assertThat(patches(app)).as("phase 1 + phase 2, one PATCH each").isEqualTo(2);
    assertThat(w.herokuMatchesSources(app)).isTrue();
  }

  // --- triggers --------------------------------------------------------------------------------

  @Test
  void secretRotated_syncsOnlyTheSinksOfThatSecret() {
    SyncWorld w = world(2, 2, 0);
    w.createApps(Map.of(w.app(0), w.inLine(w.app(0)), w.app(1), w.inLine(w.app(1))));
    SyncWorld.Var target = w.vars.get(0);
    w.rotate(target);
    w.rotate(w.vars.get(3)); // changed too, but not named by the event

    invoke(event("secret-rotated", "FS_SUPPORT_WEBHOOK", target.secretName()));

    assertThat(heroku.hasConfigVar(target.app(), target.var(), w.value(target))).isTrue();
    assertThat(patches(w.app(0))).isEqualTo(1);
    assertThat(patches(w.app(1))).isZero();
  }

  @Test
  void parameterStoreChange_syncsThatParameter() {
    SyncWorld w = world(1, 1, 1);
    String app = w.app(0);
    w.createApps(Map.of(app, w.inLine(app)));
    SyncWorld.Var param = w.vars.get(1);
    w.rotate(param);

    invoke(event("ssm-parameter-change", "/keyturn/prod/freescout-api-token", param.sourceId()));

    assertThat(w.herokuMatchesSources(app)).isTrue();
    assertThat(patches(app)).isEqualTo(1);
  }

  @Test
  void cloudTrailPutSecretValue_syncsThatSecret() {
    SyncWorld w = world(1, 2, 0);
    String app = w.app(0);
    w.createApps(Map.of(app, w.inLine(app)));
    SyncWorld.Var secret = w.vars.get(1);
    w.rotate(secret);

    invoke(
        event(
            "cloudtrail-put-secret-value",
            "keyturn/prod/freescout-support-webhook-secret",
            secret.sourceId()));

    assertThat(w.herokuMatchesSources(app)).isTrue();
  }

  @Test
  void schedule_repairsDrift_andAuditsIt_byNameOnly() {
    SyncWorld w = world(1, 2, 0);
    String app = w.app(0);
    w.createApps(Map.of());
    invoke("scheduled");
    String outOfBand = SeededSecrets.generate("edited-out-of-band");
    new dev.keyturn.heroku.HerokuApi(
            dev.keyturn.heroku.HerokuSettings.defaults(heroku.baseUrl()),
            dev.keyturn.heroku.TokenProvider.fixed(heroku.defaultToken()))
        .patchConfigVars(app, Map.of("SECRET_1", outOfBand));

    Map<String, Object> report = invoke("scheduled");

    assertThat(w.herokuMatchesSources(app)).isTrue();
    assertThat(Json.write(report)).contains("\"drift\":[\"SECRET_1\"]");
    List<AuditEvent> drift =
        new DynamoAuditLog(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE))
            .since(Instant.now().minus(Duration.ofHours(1)), app, 100).stream()
                .filter(e -> e.action().equals("sync.drift"))
                .toList();
    assertThat(drift).hasSize(1);
    assertThat(drift.getFirst().detail()).containsEntry("keys", "SECRET_1");
  }

  @Test
  void dryRun_returnsAMaskedPlan_andNeverPatches() {
    SyncWorld w = world(1, 2, 1);
    String app = w.app(0);
    w.createApps(Map.of());

    Map<String, Object> report = invoke(Map.of("dryRun", true, "app", app));

    assertThat(patches(app)).isZero();
    String json = Json.write(report);
    for (String value : SeededSecrets.values()) {
      assertThat(json.contains(value)).as("dry-run output carries no seeded value").isFalse();
    }
    assertThat(json).contains("\"outcome\":\"planned\"").contains("SECRET_0").contains("***");
  }

  @Test
  void aMissingSource_leavesItsAppUntouched_andFailsTheEventForRetry() {
    SyncWorld w = world(2, 2, 0);
    w.createApps(Map.of());
    secretsManager.deleteSecret(
        b -> b.secretId(w.vars.get(0).sourceId()).forceDeleteWithoutRecovery(true));

    assertThatThrownBy(() -> invoke("scheduled"))
        .isInstanceOf(SyncIncompleteException.class)
        .hasMessageContaining(w.app(0));

    assertThat(patches(w.app(0))).isZero();
    assertThat(w.herokuMatchesSources(w.app(1))).isTrue();
  }

  @Test
  void aRotatedHerokuToken_isReadAgainAfterA401() {
    SyncWorld w = world(1, 1, 0);
    w.createApps(Map.of());
    invoke("scheduled"); // the container has cached the token
    String rotated = SeededSecrets.generate("heroku-token");
    heroku.registerToken(rotated);
    secretsManager.putSecretValue(b ->
        b.secretId(TOKEN_SECRET)
            .secretString(Json.write(Map.of("authorizationId", "it", "token", rotated))));
    heroku.revokeToken(heroku.defaultToken());
    w.rotate(w.vars.getFirst());

    try {
      invoke("scheduled");
      assertThat(w.herokuMatchesSources(w.app(0))).isTrue();
    } finally {
      heroku.registerToken(heroku.defaultToken());
      secretsManager.putSecretValue(b ->
          b.secretId(TOKEN_SECRET)
              .secretString(
                  Json.write(Map.of("authorizationId", "it", "token", heroku.defaultToken()))));
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A fixture event with the fixture's secret id replaced by this world's. */
  private static Map<String, Object> event(String fixture, String fixtureId, String id) {
    return Json.map(Events.json(fixture).replace(fixtureId, id));
  }

  private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> work) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return work.get();
  }

  private void awaitAnswered(String method, String path, long count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (heroku.count(method, path) < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
