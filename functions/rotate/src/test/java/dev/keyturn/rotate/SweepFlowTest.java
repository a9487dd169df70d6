package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.Source;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.EventJson;
import dev.keyturn.rotate.support.EventTap;
import dev.keyturn.rotate.support.InventorySeeder;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.rotate.support.TemplateRules;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The scheduled sweep through {@link SweepHandler}, from scheduled-event JSON, against moto. */
@WithLocalAws
class SweepFlowTest {

  private static SsmClient ssm;
  private static EventTap events;
  private static EventTap alerts;
  private static InventorySeeder inventory;
  private static DynamoRotationStore rotations;
  private static DynamoAuditLog audit;
  private static SweepHandler handler;

  @BeforeAll
  static void start(LocalAws aws) {
    System.setProperty("keyturn.event-bus", "keyturn");
    ssm = SsmClient.create();
    events = new EventTap("keyturn");
    alerts = new EventTap("keyturn", TemplateRules.eventPattern("ExpiryAndDueRule"));
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    StateTable table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    rotations = new DynamoRotationStore(table);
    audit = new DynamoAuditLog(table);
    handler = new SweepHandler();
  }

  @AfterAll
  static void stop() {
    handler.close();
    ssm.close();
  }

  private static Map<String, Object> sweep() {
    return handler.handleRequest(
        EventJson.asLambdaInput(EventJson.resource("scheduled-event.json")),
        LocalLambdaContext.of("keyturn-rotate"));
  }

  private static void parameter(String path, String value) {
    ssm.putParameter(b -> b.name(path).value(value).type(ParameterType.SECURE_STRING));
  }

  @Test
  void sweep_rotatesDueParameters_alertsOnExpiry_andCountsWhatItDid() {
    alerts.drain(); // what other tests' sweeps sent
    Instant started = Instant.now().minusSeconds(1);
    String old = SeededSecrets.generate("ssm-hook");
    parameter("/keyturn/test/hook", old);
    inventory.add(Entries.ssm("RX_SSM_HOOK", "/keyturn/test/hook", "30d", "hmac-key", Map.of()));
    rotations.recordRotated("RX_SSM_HOOK", "seed", "1", Instant.now().minus(Duration.ofDays(40)));
    parameter("/keyturn/test/fresh", SeededSecrets.generate("ssm-fresh"));
    inventory.add(Entries.ssm("RX_SSM_FRESH", "/keyturn/test/fresh", "90d", "hmac-key", Map.of()));
    parameter("/keyturn/test/manual", SeededSecrets.generate("ssm-manual"));
    inventory.add(Entries.ssm("FS_SSM_MANUAL", "/keyturn/test/manual", "30d", null, Map.of()));
    rotations.recordRotated("FS_SSM_MANUAL", "seed", "1", Instant.now().minus(Duration.ofDays(45)));
    inventory.add(
        Entries.entry(
            "CF_SOON",
            new Source.SecretsManager("keyturn/test/cf"),
            "90d",
            null,
            Instant.now().plus(Duration.ofDays(7)).toString()));

    Map<String, Object> counts = sweep();

    assertThat(counts)
        .containsEntry("checked", 3)
        .containsEntry("rotated", 1)
        .containsEntry("notDue", 1)
        .containsEntry("skipped", 1)
        .containsEntry("failed", 0)
        .containsEntry("expiring", 1);
    List<ParameterHistory> history =
        ssm.getParameterHistory(b -> b.name("/keyturn/test/hook").withDecryption(true))
            .parameters();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).labels()).containsExactly("previous");
    assertThat(history.get(1).labels()).containsExactly("current");
    assertThat(old.equals(history.get(0).value())).as("history keeps the old value").isTrue();
    String rotated = history.get(1).value();
    SecretParts.register("hmac-key", rotated);
    assertThat(old.equals(rotated)).isFalse();
    RotationGenerators.forValidation().get("hmac-key").checkWellFormed(rotated, Map.of());
    assertThat(rotations.lastRotated("RX_SSM_HOOK").orElseThrow()).isAfter(started);
    // the life cycle ran after the sweep: no sinks, no webhooks, so confirmed at once; the old
    // version stays labelled `previous` for the retire grace (1h by default)
    assertThat(counts).containsKey("lifecycle");
    assertThat(rotations.latest("RX_SSM_HOOK").orElseThrow().run().stage())
        .isEqualTo(dev.keyturn.state.LifecycleStage.CONFIRMED);
    assertThat(rotations.latest("RX_SSM_HOOK").orElseThrow().versionId()).isEqualTo("2");

    List<EventTap.Delivered> delivered = events.drain();
    assertThat(delivered)
        .extracting(EventTap.Delivered::detailType)
        .containsExactlyInAnyOrder("SecretRotated", "SecretRotationDue", "SecretExpiring");
    EventTap.Delivered secretRotated =
        delivered.stream()
            .filter(e -> e.detailType().equals("SecretRotated"))
            .findFirst()
            .orElseThrow();
    assertThat(secretRotated.detail())
        .containsEntry("secretName", "RX_SSM_HOOK")
        .containsEntry("versionId", "2");
    assertThat((String) secretRotated.detail().get("secretArn"))
        .endsWith("parameter/keyturn/test/hook");
    assertThat(delivered).allSatisfy(e -> assertThat(e.raw().contains(rotated)).isFalse());
    assertThat(alerts.drain())
        .as("template.yaml's ExpiryAndDueRule sends the warnings, not SecretRotated, to the alerts")
        .extracting(EventTap.Delivered::detailType, e -> e.detail().get("secretName"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SecretRotationDue", "FS_SSM_MANUAL"),
            org.assertj.core.groups.Tuple.tuple("SecretExpiring", "CF_SOON"));
    assertThat(audit.since(started, "CF_SOON", 10))
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("expiry.check", "expiring"));

    Map<String, Object> again = sweep();

    assertThat(again).containsEntry("rotated", 0).containsEntry("notDue", 2);
    assertThat(ssm.getParameterHistory(b -> b.name("/keyturn/test/hook")).parameters())
        .as("a second sweep right after does not rotate again")
        .hasSize(2);
    events.drain();
    alerts.drain();
  }

  @Test
  void sweep_rejectsAnEventThatIsNotAScheduledEvent() {
    assertThatThrownBy(() ->
            handler.handleRequest(
                EventJson.asLambdaInput(EventJson.rotationStep("createSecret", "x", "y")),
                LocalLambdaContext.of("keyturn-rotate")))
        .isInstanceOf(SweepHandler.NotAScheduledEventException.class);
  }
}
