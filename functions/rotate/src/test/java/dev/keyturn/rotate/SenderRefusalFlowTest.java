package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.refusal.SenderBehindException;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.dynamodb.DynamoRotationOverrideStore;
import dev.keyturn.state.dynamodb.DynamoSenderSightings;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FreeScout done-when of issue 11, through {@link RotateHandler} from event JSON against moto
 * and DynamoDB Local: a secret signing a webhook source whose sender has no API rotates once; the
 * second rotation is refused while the sender was last seen signing with the previous version; a
 * sighting of the current version (written by the real {@link DynamoSenderSightings}, as the
 * webhook function writes it) allows it; an override like {@code keyturn rotate --force} leaves
 * (written by the real {@link DynamoRotationOverrideStore}) forces one rotation through.
 */
@WithLocalAws
class SenderRefusalFlowTest {

  private static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/ops/alice";

  private static RotateFunctionFixture fn;
  private static DynamoSenderSightings sightings;
  private static DynamoRotationOverrideStore overrides;

  @BeforeAll
  static void start(LocalAws aws) {
    fn = RotateFunctionFixture.start(aws, null);
    StateTable table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    sightings = new DynamoSenderSightings(table);
    overrides = new DynamoRotationOverrideStore(table);
  }

  @AfterAll
  static void stop() {
    fn.close();
  }

  private record Hooked(SecretEntry entry, String arn, String source) {}

  private static Hooked freescoutHooked() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    SecretEntry entry =
        Entries.secretsManager(
            "FS_HOOK_" + suffix.toUpperCase(), "keyturn/test/fs-" + suffix, "hmac-key", Map.of());
    String arn = fn.managedSecret(entry, SeededSecrets.generate("fs")).arn();
    String source = "fs-support-" + suffix;
    fn.inventory.add(new WebhookEntry(source, "freescout", entry.name(), null, Map.of()));
    return new Hooked(entry, arn, source);
  }

  private static String current(String arn) {
    return fn.driver.stages(arn).entrySet().stream()
        .filter(e -> e.getValue().contains(Stages.CURRENT))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static void rotated(String arn, String token) {
    fn.run.allSteps(arn, token);
    SecretParts.register("hmac-key", fn.driver.valueOf(arn, token));
  }

  private static List<AuditEvent> audited(Hooked s, Instant since, String action) {
    return fn.audit.since(since, s.entry().name(), 50).stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  @Test
  void freescoutSource_firstRotates_secondIsRefused_untilTheSenderIsSeenOnTheCurrentVersion() {
    Hooked s = freescoutHooked();
    String v1 = current(s.arn());
    sightings.record(s.source(), v1, Instant.now().minus(Duration.ofHours(2)));

    String first = fn.driver.startRotation(s.arn());
    rotated(s.arn(), first);
    assertThat(current(s.arn())).as("the first rotation goes through").isEqualTo(first);

    Instant before = Instant.now().minusSeconds(1);
    String refused = fn.driver.startRotation(s.arn());
    assertThatThrownBy(() -> fn.run.step("createSecret", s.arn(), refused))
        .isInstanceOf(SenderBehindException.class)
        .hasMessageContaining(
            "sender of " + s.source() + " last signed with version " + v1 + " (2h ago)");
    assertThat(fn.driver.stages(s.arn()))
        .as("nothing written, AWSPENDING taken off: the secret is as before")
        .containsEntry(refused, List.of())
        .containsEntry(first, List.of(Stages.CURRENT))
        .containsEntry(v1, List.of(Stages.PREVIOUS));
    assertThat(audited(s, before, "rotation.refused"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("lastSignedWith", v1));

    sightings.record(s.source(), first, Instant.now());
    String allowed = fn.driver.startRotation(s.arn());
    rotated(s.arn(), allowed);

    assertThat(current(s.arn())).isEqualTo(allowed);
  }

  @Test
  void force_takesTheOverrideTheCliLeft_once_andAuditsWhoForcedIt() {
    Hooked s = freescoutHooked();
    String v1 = current(s.arn());
    rotated(s.arn(), fn.driver.startRotation(s.arn()));
    sightings.record(s.source(), v1, Instant.now());
    Instant now = Instant.now();
    overrides.grant(
        new RotationOverride(s.entry().name(), OPERATOR, now, now.plus(Duration.ofMinutes(5))));

    String forced = fn.driver.startRotation(s.arn());
    rotated(s.arn(), forced);

    assertThat(current(s.arn())).isEqualTo(forced);
    assertThat(audited(s, now.minusSeconds(1), "rotation.forced"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo("refusal-overridden");
          assertThat(e.detail())
              .containsEntry("forcedBy", OPERATOR)
              .containsEntry("source", s.source());
        });
    String next = fn.driver.startRotation(s.arn());
    assertThatThrownBy(() -> fn.run.step("createSecret", s.arn(), next))
        .as("the override was one-shot")
        .isInstanceOf(SenderBehindException.class);
  }
}
