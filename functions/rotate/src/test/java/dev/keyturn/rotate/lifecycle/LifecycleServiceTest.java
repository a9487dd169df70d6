package dev.keyturn.rotate.lifecycle;

import static dev.keyturn.rotate.lifecycle.LifecycleWorld.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.observability.Metric;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.SenderPush;
import dev.keyturn.testing.fakes.FakeSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleServiceTest {

  private final LifecycleWorld w = new LifecycleWorld();

  private static SecretEntry herokuEntry(String name) {
    return entry(
        name,
        new Source.SecretsManager("keyturn/prod/" + name),
        "random-password",
        List.of(new Sink.Heroku("kt-web", name, null)));
  }

  private FakeSecret secret(SecretEntry e) {
    return w.secretsManager.secret(e.source().id());
  }

  @Test
  void herokuSink_movesStageByStage_andEvictsAwsPrevious_onlyOnceTheReleaseIsConfirmed() {
    SecretEntry e = herokuEntry("KT_SESSION_KEY");
    String[] v = w.rotateSecret(e);

    w.service.advanceAll();
    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.FINISHED);

    w.clock.advance(Duration.ofMinutes(1));
    w.published("kt-web", e.name(), e.name(), v[1]);
    w.service.advanceAll();
    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.PUBLISHED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS))
        .as("published is not confirmed: the old value stays live")
        .contains(v[0]);

    w.clock.advance(Duration.ofMinutes(1));
    w.releaseConfirmed("kt-web");
    LifecycleResult result = w.service.advanceAll();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).isEmpty();
    assertThat(secret(e).versionWith(Stages.CURRENT)).contains(v[1]);
    assertThat(w.run(e.name(), v[1]).stageTimes())
        .isEqualTo(
            Map.of(
                LifecycleStage.FINISHED, LifecycleWorld.START,
                LifecycleStage.PUBLISHED, LifecycleWorld.START.plusSeconds(60),
                LifecycleStage.CONFIRMED, LifecycleWorld.START.plusSeconds(120),
                LifecycleStage.RETIRED, LifecycleWorld.START.plusSeconds(120)));
    assertThat(result.retired()).isEqualTo(1);
    assertThat(w.audit.events())
        .extracting(AuditEvent::action)
        .containsSubsequence("rotation.published", "rotation.confirmed", "rotation.retired");
    assertThat(w.metrics.total(Metric.ROTATIONS_RETIRED)).isEqualTo(1);
  }

  @Test
  void theOldVersion_staysLiveForTheRetireGrace_afterConfirmed() {
    LifecycleWorld graced = new LifecycleWorld(Duration.ofHours(1));
    SecretEntry e =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    String[] v = graced.rotateSecret(e);
    FakeSecret s = graced.secretsManager.secret(e.source().id());

    graced.service.advanceAll();
    assertThat(graced.stage(e.name(), v[1])).isEqualTo(LifecycleStage.CONFIRMED);
    graced.clock.advance(Duration.ofMinutes(59));
    graced.service.advanceAll();
    assertThat(s.versionWith(Stages.PREVIOUS)).as("within the grace").contains(v[0]);

    graced.clock.advance(Duration.ofMinutes(1));
    graced.service.advanceAll();

    assertThat(graced.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(s.versionWith(Stages.PREVIOUS)).isEmpty();
  }

  @Test
  void aRetiredRotation_isLeftAlone_byLaterPasses() {
    SecretEntry e =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    w.rotateSecret(e);
    w.settle();
    int calls = w.secretsManager.calls("describe");

    LifecycleResult again = w.service.advanceAll();

    assertThat(again.driven()).isZero();
    assertThat(w.secretsManager.calls("describe")).isEqualTo(calls);
  }

  @Test
  void anEntryWithNeitherSinksNorWebhooks_isConfirmedAndRetired_inOnePass() {
    SecretEntry e =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    String[] v = w.rotateSecret(e);

    w.service.advanceAll();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).isEmpty();
  }

  @Test
  void aWebhookSenderWithoutAnApi_confirmsOnlyOnceSeenSigningWithTheNewVersion() {
    SecretEntry e =
        entry(
            "FS_SUPPORT_WEBHOOK",
            new Source.SecretsManager("keyturn/prod/fs"),
            "hmac-key",
            List.of());
    w.inventory.add(
        new WebhookEntry("freescout", "freescout", e.name(), null, Map.of(), null, "PT0S"));
    String[] v = w.rotateSecret(e);

    w.sightings.record("freescout", v[0], w.clock.instant());
    w.service.advanceAll();
    assertThat(w.stage(e.name(), v[1]))
        .as("no sinks: published at once; the sender still signs with the old secret")
        .isEqualTo(LifecycleStage.PUBLISHED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).contains(v[0]);

    w.sightings.record("freescout", v[1], w.clock.instant().plusSeconds(1));
    w.service.advanceAll();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).isEmpty();
  }

  @Test
  void aSecretSigningWebhooks_retiresItsOldVersion_afterTheLargestOverlapGraceOfItsSources() {
    LifecycleWorld graced = new LifecycleWorld(Duration.ofMinutes(5));
    SecretEntry e =
        entry("FS_HOOK", new Source.SecretsManager("keyturn/prod/fs-hook"), "hmac-key", List.of());
    graced.inventory.add(
        new WebhookEntry("fs-a", "freescout", e.name(), null, Map.of(), null, "PT30M"));
    graced.inventory.add(
        new WebhookEntry("fs-b", "freescout", e.name(), null, Map.of(), null, "PT2H"));
    graced.inventory.add(
        new WebhookEntry("other", "freescout", "ELSE", null, Map.of(), null, "P9D"));
    String[] v = graced.rotateSecret(e);
    graced.sightings.record("fs-a", v[1], graced.clock.instant());
    graced.sightings.record("fs-b", v[1], graced.clock.instant());
    FakeSecret s = graced.secretsManager.secret(e.source().id());

    graced.service.advanceAll();
    assertThat(graced.stage(e.name(), v[1])).isEqualTo(LifecycleStage.CONFIRMED);
    graced.clock.advance(Duration.ofMinutes(119));
    graced.service.advanceAll();
    assertThat(s.versionWith(Stages.PREVIOUS))
        .as("past retire-grace (5m) and fs-a's 30m, within fs-b's 2h")
        .contains(v[0]);

    graced.clock.advance(Duration.ofMinutes(1));
    graced.service.advanceAll();

    assertThat(graced.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(s.versionWith(Stages.PREVIOUS)).isEmpty();
  }

  @Test
  void aSecretSigningWebhooks_withoutOverlapGrace_keepsItsOldVersionTheDefaultHour() {
    SecretEntry e =
        entry("FS_HOOK", new Source.SecretsManager("keyturn/prod/fs-hook"), "hmac-key", List.of());
    WebhookEntry source = new WebhookEntry("fs", "freescout", e.name(), null, Map.of());
    RotatedVersion v = new RotatedVersion(e, e.source(), null);

    assertThat(LifecycleService.grace(v, List.of(source), Duration.ZERO))
        .isEqualTo(Duration.ofHours(1));
    assertThat(LifecycleService.grace(v, List.of(), Duration.ofMinutes(7)))
        .as("signs no webhook: keyturn.lifecycle.retire-grace")
        .isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void aWebhookSenderWithAnApi_confirmsOnceThePushOfTheVersionIsRecorded() {
    SecretEntry e =
        entry(
            "HK_APP_WEBHOOK", new Source.SecretsManager("keyturn/prod/hk"), "hmac-key", List.of());
    w.inventory.add(
        new WebhookEntry(
            "heroku-app",
            "heroku",
            e.name(),
            null,
            Map.of(),
            new SenderBinding.Heroku("kt-web", "b7c1e7a4-5c6e-4a8b-9f4e-2d3c4b5a6978"),
            "PT0S"));
    String[] v = w.rotateSecret(e);

    w.service.advanceAll();
    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.PUBLISHED);

    w.pushes.recordPush(
        new SenderPush("heroku-app", e.name(), v[1], "heroku:kt-web/x", w.clock.instant()));
    w.service.advanceAll();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
  }

  @Test
  void anOperatorEntry_staysConfirmed_withItsOldVersionLive() {
    SecretEntry e =
        entry("STRIPE_API_KEY", new Source.SecretsManager("keyturn/prod/stripe"), null, List.of());
    String[] v = w.rotateSecret(e);

    w.settle();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.CONFIRMED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).contains(v[0]);
  }

  @Test
  void anSsmEntry_getsItsPreviousLabelEvicted_onceConfirmed() {
    SecretEntry e =
        entry(
            "KT_SSM_KEY",
            new Source.SsmParameter("/keyturn/prod/ssm-key"),
            "random-password",
            List.of());
    w.inventory.add(e);
    w.parameters.create("/keyturn/prod/ssm-key", "SecureString", "seed", LifecycleWorld.START);
    long next = w.parameters.put("/keyturn/prod/ssm-key", "rotated");
    w.parameters.label("/keyturn/prod/ssm-key", next, Stages.PARAMETER_CURRENT);
    w.parameters.label("/keyturn/prod/ssm-key", next - 1, Stages.PARAMETER_PREVIOUS);
    w.complete(e.name(), "ssm-v" + next, Long.toString(next));

    w.service.advanceAll();

    assertThat(w.stage(e.name(), "ssm-v" + next)).isEqualTo(LifecycleStage.RETIRED);
    assertThat(w.parameters.labelled("/keyturn/prod/ssm-key", Stages.PARAMETER_PREVIOUS)).isZero();
    assertThat(w.parameters.labelled("/keyturn/prod/ssm-key", Stages.PARAMETER_CURRENT))
        .isEqualTo(next);
  }

  @Test
  void aRotationNotConfirmedPastTheDeadline_isCountedStuck_onEveryPassUntilConfirmed() {
    SecretEntry e = herokuEntry("KT_SESSION_KEY");
    String[] v = w.rotateSecret(e);
    w.published("kt-web", e.name(), e.name(), v[1]);

    w.clock.advance(LifecycleWorld.DEADLINE);
    assertThat(w.service.advanceAll().stuck()).as("at the deadline, not past it").isEmpty();

    w.clock.advance(Duration.ofMinutes(1));
    assertThat(w.service.advanceAll().stuck()).containsExactly(e.name());
    assertThat(w.service.advanceAll().stuck()).containsExactly(e.name());
    assertThat(w.metrics.total(Metric.ROTATIONS_STUCK)).isEqualTo(2);

    w.releaseConfirmed("kt-web");
    assertThat(w.service.advanceAll().stuck()).isEmpty();
    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
  }

  @Test
  void aVersionNoLongerCurrent_isNotRetired() {
    SecretEntry e =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    String[] v = w.rotateSecret(e);
    String manual = secret(e).putValue("set-by-hand");

    w.settle();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.CONFIRMED);
    assertThat(secret(e).versionWith(Stages.PREVIOUS)).contains(v[1]);
    assertThat(secret(e).versionWith(Stages.CURRENT)).contains(manual);
  }

  @Test
  void oneEntrysFailure_isCountedAndAudited_andTheOthersStillMove() {
    SecretEntry broken = herokuEntry("KT_BROKEN");
    SecretEntry fine =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    String[] b = w.rotateSecret(broken);
    String[] f = w.rotateSecret(fine);
    w.syncState.failNext("vars", 1);

    LifecycleResult result = w.service.advanceAll();

    assertThat(result.failed()).containsExactly(broken.name());
    assertThat(w.stage(fine.name(), f[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThat(w.stage(broken.name(), b[1])).isEqualTo(LifecycleStage.FINISHED);
    assertThat(w.metrics.total(Metric.SWEEP_FAILURES)).isEqualTo(1);
    assertThat(w.audit.events())
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("rotation.lifecycle", "failed"));
  }

  @Test
  void advance_ofOneEntry_onDemand_drivesIt_andNamesAnUnknownOne() {
    SecretEntry e =
        entry(
            "KT_PLAIN",
            new Source.SecretsManager("keyturn/prod/plain"),
            "random-password",
            List.of());
    String[] v = w.rotateSecret(e);

    assertThat(w.service.advance(e.name()).retired()).isEqualTo(1);
    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    assertThatThrownBy(() -> w.service.advance("NOPE"))
        .isInstanceOf(UnknownEntryException.class)
        .hasMessage("no inventory entry named NOPE");
  }
}
