package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.observability.Metric;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.fakes.InMemoryAccessKeys;
import dev.keyturn.rotate.refusal.ForceRotation;
import dev.keyturn.rotate.refusal.NothingToForceException;
import dev.keyturn.rotate.refusal.RotationUnconfirmedException;
import dev.keyturn.rotate.refusal.UnconfirmedCheck;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.rotate.vendor.aws.AccessKeyCredential;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationOverride;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * createSecret's guard for a vendor-issued credential (an IAM access key, in memory with IAM's
 * rules): a rotation that would retire the credential the last rotation replaced is refused, before
 * anything is written, while that rotation is {@code finished} or {@code published}; allowed once
 * the life cycle moved it to {@code confirmed}; forced once by an override.
 */
class UnconfirmedRefusalTest {

  private static final String NAME = "AWS_INFISICAL_BOOTSTRAP";
  private static final String OPERATOR = "arn:aws:sts::123456789012:assumed-role/ops/alice";

  private final InMemoryAccessKeys keys = new InMemoryAccessKeys();
  private final RotationFixture f =
      new RotationFixture(
          Entries.secretsManager(
              NAME,
              "keyturn/prod/aws-bootstrap",
              "aws-iam-access-key",
              Map.of("user", "bootstrap")),
          keys.seed(),
          List.of(),
          List.of(keys));

  private String current() {
    return f.secrets.versionWith(Stages.CURRENT).orElseThrow();
  }

  private String keyId(String versionId) {
    return AccessKeyCredential.parse(f.secrets.valueOf(versionId).orElseThrow()).accessKeyId();
  }

  private List<AuditEvent> audited(String action) {
    return f.audit.events().stream().filter(e -> e.action().equals(action)).toList();
  }

  private ForceRotation force() {
    return new ForceRotation(
        f.inventory,
        f.overrides,
        null,
        f.audit,
        Clock.systemUTC(),
        new UnconfirmedCheck(new Vendors(List.of(), List.of(keys)), f.rotations));
  }

  @Test
  void secondRotation_isRefusedBeforeAnythingIsWritten_whileTheFirstIsFinished() {
    String v1 = current();
    String oldKey = keyId(v1);
    String v2 = f.secrets.startRotation();
    f.rotate(v2);
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(RotationUnconfirmedException.class)
        .hasMessage(
            "rotation of AWS_INFISICAL_BOOTSTRAP refused: the last rotation (version "
                + v2
                + ") is finished (just now), not yet confirmed: its consumers may still use the"
                + " credential this rotation would retire; rotate once it is confirmed, or keyturn"
                + " rotate AWS_INFISICAL_BOOTSTRAP --force");

    assertThat(keys.keyIds()).as("the old key is not retired").containsExactly(oldKey, keyId(v2));
    assertThat(f.secrets.valueOf(token)).as("no value written").isEmpty();
    assertThat(f.secrets.versionWith(Stages.PENDING)).as("AWSPENDING taken off").isEmpty();
    assertThat(current()).isEqualTo(v2);
    assertThat(audited("rotation.refused"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo(NAME);
          assertThat(e.detail())
              .containsEntry("lastRotation", v2)
              .containsEntry("stage", "finished");
        });
    assertThat(audited("credential.retire")).isEmpty();
    assertThat(f.metrics.total(Metric.ROTATIONS_REFUSED)).isEqualTo(1);
    assertThat(f.metrics.total(Metric.ROTATIONS_FAILED)).as("a refusal is no failure").isZero();
  }

  @Test
  void secondRotation_isRefused_whileTheFirstIsOnlyPublished() {
    String oldKey = keyId(current());
    String v2 = f.secrets.startRotation();
    f.rotate(v2);
    f.lifecycleReached(NAME, v2, LifecycleStage.PUBLISHED);
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(RotationUnconfirmedException.class)
        .satisfies(
            e -> assertThat(((RotationUnconfirmedException) e).stage()).isEqualTo("published"));
    assertThat(keys.keyIds()).contains(oldKey);
  }

  @Test
  void secondRotation_goesThrough_onceTheFirstIsConfirmed_evenWithinTheRetireGrace() {
    String oldKey = keyId(current());
    String v2 = f.secrets.startRotation();
    f.rotate(v2);
    f.lifecycleReached(NAME, v2, LifecycleStage.PUBLISHED);
    f.lifecycleReached(NAME, v2, LifecycleStage.CONFIRMED);
    String v3 = f.secrets.startRotation();

    f.rotate(v3);

    assertThat(current()).isEqualTo(v3);
    assertThat(keys.keyIds())
        .as("the confirmed rotation's old key made room for the new one")
        .doesNotContain(oldKey)
        .containsExactly(keyId(v2), keyId(v3));
    assertThat(audited("rotation.refused")).isEmpty();
  }

  @Test
  void force_overridesTheRefusalOnce_auditedNamingTheOperator() {
    String v2 = f.secrets.startRotation();
    f.rotate(v2);
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
              .containsEntry("lastRotation", v2)
              .containsEntry("stage", "finished");
        });
    String next = f.secrets.startRotation();
    assertThatThrownBy(() -> f.run(CREATE_SECRET, next))
        .as("one shot")
        .isInstanceOf(RotationUnconfirmedException.class);
  }

  @Test
  void forceOverridable_namesTheUnconfirmedRotation_andNothingOnceConfirmed() {
    String v2 = f.secrets.startRotation();
    f.rotate(v2);
    var entry = f.inventory.secret(NAME).orElseThrow();

    assertThat(force().overridable(entry)).containsExactly("last rotation " + v2 + " (finished)");

    f.lifecycleReached(NAME, v2, LifecycleStage.CONFIRMED);
    assertThatThrownBy(() -> force().overridable(entry))
        .isInstanceOf(NothingToForceException.class)
        .hasMessageContaining("its last rotation is confirmed");
  }

  @Test
  void aGeneratedSecret_isNeverHeldBack_byAnUnconfirmedRotation() {
    RotationFixture generated =
        new RotationFixture(
            Entries.secretsManager(
                "FS_SUPPORT_WEBHOOK", "keyturn/prod/webhook", "hmac-key", Map.of()),
            "whsec_" + "b".repeat(43) + "=");
    generated.rotate(generated.secrets.startRotation());
    String token = generated.secrets.startRotation();

    generated.rotate(token);

    assertThat(generated.secrets.versionWith(Stages.CURRENT)).contains(token);
  }
}
