package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.sync.Events;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.testing.heroku.DelayedEffect;
import dev.keyturn.testing.heroku.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Releases, batched AWS reads, faults and concurrency. */
class SyncPublishIntegrationTest extends SyncFunctionTestBase {

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

  @Test
  void anEventSync_makesTwoHerokuCallsPerChangedApp_andTheApiReleaseWebhookConfirmsItsRelease() {
    SyncWorld w = world(2, 2, 0);
    String changed = w.app(0);
    w.createApps(Map.of(w.app(1), w.inLine(w.app(1))));
    int before = heroku.requests().size();

    invoke("scheduled");

    assertThat(heroku.requests().size() - before).as("app0: GET + PATCH; app1: GET").isEqualTo(3);
    var state =
        new dev.keyturn.state.dynamodb.DynamoSyncStateStore(
            new dev.keyturn.state.dynamodb.StateTable(
                aws.dynamoDb(), dev.keyturn.testing.aws.LocalAwsExtension.TABLE));
    assertThat(state.vars(changed).values())
        .allSatisfy(v -> assertThat(v.releasePending()).isTrue());
    String release = heroku.releases(changed).getLast().id().toString();

    // what the webhook function does with a verified api:release delivery
    var confirmation = state.confirmRelease(changed, release, java.time.Instant.now());

    assertThat(confirmation)
        .isEqualTo(dev.keyturn.state.SyncStateStore.ReleaseConfirmation.CONFIRMED);
    assertThat(state.vars(changed).values())
        .allSatisfy(v -> {
          assertThat(v.releaseId()).isEqualTo(release);
          assertThat(v.confirmedAt()).isNotNull();
        });
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
}
