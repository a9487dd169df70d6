package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.json.Json;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.sync.SyncIncompleteException;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ownership, rename migration, every trigger, drift, dry run, missing sources, token refresh. */
class SyncTriggersIntegrationTest extends SyncFunctionTestBase {

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

    // the old name is no longer keyturn's: set again by hand, it stays
    new dev.keyturn.heroku.HerokuApi(
            dev.keyturn.heroku.HerokuSettings.defaults(heroku.baseUrl()),
            dev.keyturn.heroku.TokenProvider.fixed(heroku.defaultToken()))
        .patchConfigVars(app, Map.of("LEGACY_SECRET", "set-by-hand"));
    invoke("scheduled");

    assertThat(heroku.hasConfigVar(app, "LEGACY_SECRET", "set-by-hand")).isTrue();
    assertThat(patches(app)).as("nothing else to change").isEqualTo(3);
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
}
