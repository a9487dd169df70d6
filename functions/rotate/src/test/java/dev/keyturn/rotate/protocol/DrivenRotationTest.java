package dev.keyturn.rotate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.supplied.SuppliedValueRejectedException;
import dev.keyturn.rotate.supplied.ValueNotSuppliedException;
import dev.keyturn.secrets.Stages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrivenRotationTest {

  static final String OLD_KEY = "whsec_" + "b".repeat(43) + "=";
  static final String OLD_PAIR =
      "{\"key_id\":\"PKOLD0000000000\",\"secret_key\":\"old-secret-1234\"}";
  static final String NEW_PAIR =
      "{\"key_id\":\"PKNEW0000000000\",\"secret_key\":\"new-secret-5678\"}";

  final List<String> heard = new ArrayList<>();

  static SecretEntry alpaca() {
    return new SecretEntry(
        "ALP_LIVE_TRADING",
        new Source.SecretsManager("keyturn/prod/alp-live"),
        Tags.of("trading-live", "critical", "raptor", "60d"),
        List.of("prod"),
        null,
        null,
        null,
        "non-expiring",
        List.of("live"),
        "reviewed",
        List.of(
            new Sink.Heroku("raptor", "ALPACA_LIVE_API_KEY_ID", null, "key_id"),
            new Sink.Heroku("raptor", "ALPACA_LIVE_API_SECRET_KEY", null, "secret_key")));
  }

  DrivenRotation driven(RotationFixture f) {
    return new DrivenRotation(f.secretsManager, f.service, Clock.systemUTC());
  }

  static RotationFixture hook() {
    return RotationFixture.withoutRotationLambda(
        Entries.secretsManager("FS_SUPPORT_WEBHOOK", "keyturn/prod/hook", "hmac-key", Map.of()),
        OLD_KEY);
  }

  @Test
  void rotate_runsTheFourStepsHere_withoutRotateSecret_evenWithRotationOff() {
    RotationFixture f = hook();
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();

    DrivenRotation.Result r = driven(f).rotate(f.inventory.secrets().getFirst(), this::heard);

    assertThat(r.succeeded()).as(String.valueOf(r)).isTrue();
    assertThat(f.secrets.stages())
        .containsEntry(r.token(), List.of(Stages.CURRENT))
        .containsEntry(old, List.of(Stages.PREVIOUS));
    assertThat(heard)
        .containsExactly(
            "createSecret created",
            "setSecret no-vendor",
            "testSecret well-formed",
            "finishSecret finished");
    assertThat(f.events.ofType("SecretRotated")).hasSize(1);
  }

  @Test
  void rotate_isRefused_whenTheSecretHasARotationLambda() {
    RotationFixture f =
        new RotationFixture(
            Entries.secretsManager("FS_SUPPORT_WEBHOOK", "keyturn/prod/hook", "hmac-key", Map.of()),
            OLD_KEY);
    // the fixture's secret has rotation configured with FakeSecret.ROTATION_LAMBDA

    assertThatThrownBy(() -> driven(f).rotate(f.inventory.secrets().getFirst(), this::heard))
        .isInstanceOf(RotationFunctionAttachedException.class)
        .hasMessageContaining("has the rotation Lambda arn:aws:lambda")
        .hasMessageContaining("both would run them at once");
    assertThat(f.secrets.versionWith(Stages.PENDING)).isEmpty();
  }

  @Test
  void rotate_neverInventsAnOperatorEntrysValue() {
    RotationFixture f = RotationFixture.withoutRotationLambda(alpaca(), OLD_PAIR);

    assertThatThrownBy(() -> driven(f).rotate(alpaca(), this::heard))
        .isInstanceOf(ValueNotSuppliedException.class)
        .hasMessageContaining("--from-stdin");
    // Secrets Manager invoking the deployed function for it fails in createSecret the same way
    String token = f.secrets.startRotation();
    assertThatThrownBy(() -> f.run(RotationStep.CREATE_SECRET, token))
        .isInstanceOf(ValueNotSuppliedException.class);
    assertThat(f.secrets.valueOf(token)).isEmpty();
  }

  @Test
  void rotateSupplied_makesTheSuppliedValueCurrent_throughTheSameSteps() {
    RotationFixture f = RotationFixture.withoutRotationLambda(alpaca(), OLD_PAIR);
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();

    DrivenRotation.Result r = driven(f).rotateSupplied(alpaca(), NEW_PAIR, this::heard);

    assertThat(r.succeeded()).as(String.valueOf(r)).isTrue();
    assertThat(f.secrets.valueOf(r.token())).contains(NEW_PAIR);
    assertThat(f.secrets.stages())
        .containsEntry(r.token(), List.of(Stages.CURRENT))
        .containsEntry(old, List.of(Stages.PREVIOUS));
    assertThat(heard)
        .containsExactly(
            "putSecretValue version " + r.token() + " AWSPENDING (the supplied value)",
            "createSecret already-created",
            "setSecret no-vendor",
            "testSecret supplied-value-checked",
            "finishSecret finished");
    assertThat(f.events.ofType("SecretRotated")).hasSize(1);
    assertThat(f.rotations.lastRotated("ALP_LIVE_TRADING")).isPresent();
    assertThat(f.audit.events())
        .extracting(e -> e.action())
        .contains(
            "rotation.createSecret",
            "rotation.setSecret",
            "rotation.testSecret",
            "rotation.finishSecret");
  }

  @Test
  void rotateSupplied_refusesTheCurrentValue_andAnotherShape_beforeWritingAnything() {
    RotationFixture f = RotationFixture.withoutRotationLambda(alpaca(), OLD_PAIR);

    assertThatThrownBy(() -> driven(f).rotateSupplied(alpaca(), OLD_PAIR, this::heard))
        .isInstanceOf(SuppliedValueRejectedException.class)
        .hasMessageContaining("is the current one");
    assertThatThrownBy(
            () -> driven(f).rotateSupplied(alpaca(), "{\"key\":\"PKNEW0000000000\"}", this::heard))
        .isInstanceOf(SuppliedValueRejectedException.class)
        .hasMessageContaining("has the keys [key]; the current value has [key_id, secret_key]");
    assertThatThrownBy(() -> driven(f).rotateSupplied(alpaca(), "not json at all", this::heard))
        .isInstanceOf(SuppliedValueRejectedException.class)
        .hasMessageContaining("must be a JSON object with the keys [key_id, secret_key]")
        .hasMessageNotContaining("not json at all");
    assertThat(f.secrets.stages()).hasSize(1);
  }

  @Test
  void aFailureBeforeFinishSecret_takesTheSuppliedValuesLabelOffAgain() {
    RotationFixture f = RotationFixture.withoutRotationLambda(alpaca(), OLD_PAIR);

    // once the value is stored, createSecret's read of it fails
    DrivenRotation.Result r =
        driven(f)
            .rotateSupplied(
                alpaca(),
                NEW_PAIR,
                (step, outcome) -> {
                  heard(step, outcome);
                  if (step.equals("putSecretValue")) {
                    f.secretsManager.failNext("value", 1);
                  }
                });

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failedStep()).isEqualTo("createSecret");
    assertThat(r.undone()).isTrue();
    assertThat(r.leftover()).isNull();
    assertThat(f.secrets.versionWith(Stages.PENDING)).isEmpty();
  }

  @Test
  void aFailureInFinishSecret_leavesThePendingVersion_andSaysHowToResume() {
    RotationFixture f = hook();
    f.secretsManager.failNext("moveStage", 1); // only finishSecret moves a label
    DrivenRotation rotation = driven(f);
    SecretEntry entry = f.inventory.secrets().getFirst();

    DrivenRotation.Result r = rotation.rotate(entry, this::heard);
    DrivenRotation.Result resumed = rotation.rotate(entry, this::heard);

    assertThat(r.failedStep()).isEqualTo("finishSecret");
    assertThat(r.undone()).isFalse();
    assertThat(r.leftover())
        .isEqualTo(
            "version "
                + r.token()
                + " is left AWSPENDING (failed at finishSecret): keyturn rotate"
                + " FS_SUPPORT_WEBHOOK --in-process resumes it (every step is idempotent)");
    assertThat(resumed.succeeded()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.token()).isEqualTo(r.token());
    assertThat(f.secrets.versionWith(Stages.CURRENT)).contains(r.token());
  }

  private void heard(String step, String outcome) {
    heard.add(step + " " + outcome);
  }
}
