package dev.keyturn.sync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.sync.Events;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerParserTest {

  private static final String SECRET_ID = "keyturn/prod/freescout-support-webhook-secret";
  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + SECRET_ID + "-AbCdEf";

  @Test
  void secretRotated_syncsTheSinksOfThatSecret() {
    SyncRequest r = TriggerParser.parse(Events.map("secret-rotated"));

    assertThat(r.scope())
        .isEqualTo(
            new Scope.Sources(
                java.util.Set.of(
                    "FS_SUPPORT_WEBHOOK", "keyturn/prod/freescout-support-webhook-secret")));
    assertThat(r.dryRun()).isFalse();
    assertThat(r.raiseWhenIncomplete()).isTrue();
  }

  @Test
  void secretRotated_takesTheSourceAlone_whenNoNameIsGiven() {
    SyncRequest r =
        TriggerParser.parse(
            Map.of("detail-type", "SecretRotated", "detail", Map.of("secretArn", SECRET_ARN)));

    assertThat(r.scope()).isEqualTo(new Scope.Sources(java.util.Set.of(SECRET_ARN)));
  }

  @Test
  void parameterStoreChange_syncsTheSinksOfThatParameter() {
    SyncRequest r = TriggerParser.parse(Events.map("ssm-parameter-change"));

    assertThat(r.scope())
        .isEqualTo(new Scope.Sources(java.util.Set.of("/keyturn/prod/freescout-api-token")));
    assertThat(r.trigger()).isEqualTo("ssm-change");
  }

  @Test
  void parameterStoreDelete_isIgnored() {
    SyncRequest r =
        TriggerParser.parse(
            Map.of(
                "detail-type",
                "Parameter Store Change",
                "detail",
                Map.of("name", "/x", "operation", "Delete")));

    assertThat(r.scope()).isInstanceOf(Scope.Nothing.class);
  }

  @Test
  void cloudTrailPutSecretValue_syncsBySecretIdAndArn() {
    SyncRequest r = TriggerParser.parse(Events.map("cloudtrail-put-secret-value"));

    assertThat(r.scope()).isEqualTo(new Scope.Sources(java.util.Set.of(SECRET_ID, SECRET_ARN)));
    assertThat(r.trigger()).isEqualTo("cloudtrail:PutSecretValue");
  }

  @Test
  void cloudTrailPutSecretValue_isIgnored_whenTheValueIsOnlyStagedPending() {
    SyncRequest r = TriggerParser.parse(Events.map("cloudtrail-put-secret-value-pending"));

    assertThat(r.scope()).isInstanceOf(Scope.Nothing.class);
  }

  @Test
  void cloudTrailUpdateSecretVersionStage_syncs_whenAWSCURRENTMoves() {
    SyncRequest r = TriggerParser.parse(Events.map("cloudtrail-update-secret-version-stage"));

    assertThat(r.scope()).isEqualTo(new Scope.Sources(java.util.Set.of(SECRET_ARN)));
  }

  @Test
  void cloudTrailFailedCall_isIgnored() {
    Map<String, Object> event = Events.map("cloudtrail-update-secret-version-stage");
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    detail.put("errorCode", "AccessDenied");

    assertThat(TriggerParser.parse(event).scope()).isInstanceOf(Scope.Nothing.class);
  }

  @Test
  void scheduledEvent_syncsEverySink() {
    SyncRequest r = TriggerParser.parse(Events.map("scheduled"));

    assertThat(r.scope()).isEqualTo(new Scope.AllSinks());
    assertThat(r.trigger()).isEqualTo("schedule");
  }

  @Test
  void directDryRun_plansOneApp_andReturnsInsteadOfRaising() {
    SyncRequest r = TriggerParser.parse(Events.map("dry-run"));

    assertThat(r.scope()).isEqualTo(new Scope.App("raxx-raptor-prod"));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.raiseWhenIncomplete()).isFalse();
  }

  @Test
  void unknownEventType_isIgnored() {
    SyncRequest r = TriggerParser.parse(Map.of("detail-type", "EC2 Instance State-change"));

    assertThat(r.scope()).isInstanceOf(Scope.Nothing.class);
  }
}
