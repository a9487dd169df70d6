package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.refusal.SenderBehindException;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.RotationOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * createSecret's refusal guard for a secret signing a webhook whose sender keyturn cannot reach
 * (FreeScout): refused while the sender was last seen on an older version, allowed once seen on the
 * current one, forced once by an override.
 */
class SenderRefusalTest {

  private static final String NAME = "FS_SUPPORT_WEBHOOK";
  private static final String SOURCE = "fs-support";
  private static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/ops/alice";

  private final RotationFixture f =
      new RotationFixture(
          Entries.secretsManager(NAME, "keyturn/prod/fs-webhook", "hmac-key", Map.of()),
          "whsec_" + "b".repeat(43) + "=");

  SenderRefusalTest() {
    f.inventory.add(new WebhookEntry(SOURCE, "freescout", NAME, null, Map.of()));
  }

  private String current() {
    return f.secrets.versionWith(Stages.CURRENT).orElseThrow();
  }

  private void seen(String version) {
    f.sightings.record(SOURCE, version, Instant.now().minus(Duration.ofHours(2)));
  }

  private List<AuditEvent> audited(String action) {
    return f.audit.events().stream().filter(e -> e.action().equals(action)).toList();
  }

  @Test
  void firstRotation_goesThrough_whenTheSenderWasNeverSeenAndNoOlderVersionExists() {
    String token = f.secrets.startRotation();

    f.rotate(token);

    assertThat(current()).isEqualTo(token);
    assertThat(audited("rotation.refused")).isEmpty();
  }

  @Test
  void secondRotation_isRefusedBeforeAnythingIsWritten_whileTheSenderSignsWithThePreviousVersion() {
    String v1 = current();
    f.rotate(f.secrets.startRotation());
    String v2 = current();
    seen(v1);
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(SenderBehindException.class)
        .hasMessage(
            "rotation of FS_SUPPORT_WEBHOOK refused: sender of fs-support last signed with version "
                + v1
                + " (2h ago); rotate once it signs with the current one, or keyturn rotate"
                + " FS_SUPPORT_WEBHOOK --force");

    assertThat(f.secrets.valueOf(token)).as("no value written").isEmpty();
    assertThat(f.secrets.versionWith(Stages.PENDING))
        .as("AWSPENDING taken off, so the next rotation is not blocked")
        .isEmpty();
    assertThat(current()).isEqualTo(v2);
    assertThat(audited("rotation.refused"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo(NAME);
          assertThat(e.detail())
              .containsEntry("source", SOURCE)
              .containsEntry("lastSignedWith", v1);
          assertThat(e.detail().get("reason"))
              .isEqualTo("sender of fs-support last signed with version " + v1 + " (2h ago)");
        });
    assertThat(f.metrics.total(Metric.ROTATIONS_REFUSED)).isEqualTo(1);
    assertThat(f.metrics.total(Metric.ROTATIONS_FAILED)).as("a refusal is no failure").isZero();
  }

  @Test
  void rotation_isAllowed_onceTheSenderIsSeenSigningWithTheCurrentVersion() {
    f.rotate(f.secrets.startRotation());
    seen(current());
    String token = f.secrets.startRotation();

    f.rotate(token);

    assertThat(current()).isEqualTo(token);
  }

  @Test
  void aSenderNeverSeen_blocks_onceTheSecretHasAnOlderVersionItMayHold() {
    f.rotate(f.secrets.startRotation());
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(SenderBehindException.class)
        .hasMessageContaining("sender of fs-support was never seen signing");
  }

  @Test
  void force_overridesTheRefusalOnce_auditedNamingTheOperator() {
    String v1 = current();
    f.rotate(f.secrets.startRotation());
    seen(v1);
    Instant now = Instant.now();
    f.overrides.grant(new RotationOverride(NAME, OPERATOR, now, now.plusSeconds(600)));
    String forced = f.secrets.startRotation();

    f.rotate(forced);

    assertThat(current()).isEqualTo(forced);
    assertThat(audited("rotation.forced"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo("refusal-overridden");
          assertThat(e.detail())
              .containsEntry("forcedBy", OPERATOR)
              .containsEntry("source", SOURCE)
              .containsEntry("lastSignedWith", v1);
        });
    String next = f.secrets.startRotation();
    assertThatThrownBy(() -> f.run(CREATE_SECRET, next))
        .as("one shot")
        .isInstanceOf(SenderBehindException.class);
  }

  @Test
  void aSenderWithAnApi_neverBlocks_itIsPushedTheNewSecret() {
    f.inventory.add(
        new WebhookEntry(
            "hk-release",
            "heroku",
            NAME,
            null,
            Map.of(),
            new SenderBinding.Heroku("app", "b7c1e7a4-5c6e-4a8b-9f4e-2d3c4b5a6978")));
    f.rotate(f.secrets.startRotation());
    seen(current());

    String token = f.secrets.startRotation();

    f.rotate(token);

    assertThat(current()).as("hk-release was never seen, and needs not be").isEqualTo(token);
    assertThat(audited("rotation.refused")).isEmpty();
  }
}
