package dev.keyturn.rotate.lifecycle;

import static dev.keyturn.rotate.lifecycle.LifecycleWorld.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.testing.fakes.FakePort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calls the life cycle adds per rotation, counted at the ports (each port call is one AWS call
 * of its adapter, except {@code RotationStore.latest}: two GetItems). The figure in NOTES.md.
 */
class LifecycleCallsTest {

  @Test
  void aRotationConfirmedByTheNextSweep_costsOnePassOfPortCalls() {
    LifecycleWorld w = new LifecycleWorld();
    SecretEntry e =
        entry(
            "FS_SUPPORT_WEBHOOK",
            new Source.SecretsManager("keyturn/prod/fs"),
            "hmac-key",
            List.of(new Sink.Heroku("kt-web", "FS_WEBHOOK_SECRET", null)));
    w.inventory.add(
        new WebhookEntry("freescout", "freescout", e.name(), null, Map.of(), null, "PT0S"));
    String[] v = w.rotateSecret(e);
    w.published("kt-web", "FS_WEBHOOK_SECRET", e.name(), v[1]);
    w.releaseConfirmed("kt-web");
    w.sightings.record("freescout", v[1], w.clock.instant());
    Map<FakePort, Integer> before = counts(w);

    w.service.advanceAll();

    assertThat(w.stage(e.name(), v[1])).isEqualTo(LifecycleStage.RETIRED);
    // per sweep, whatever the entries: the inventory's secrets and webhooks
    assertThat(delta(w, before, w.inventory)).isEqualTo(2);
    // per entry and sweep: RotationStore.latest (2 GetItems); per rotation: 3 stage moves
    assertThat(w.rotations.calls("latest")).isEqualTo(1);
    assertThat(w.rotations.calls("advance")).isEqualTo(3);
    // per rotation: one read per sink target, one per webhook source, 3 audit events
    assertThat(w.syncState.calls("vars")).isEqualTo(1);
    assertThat(w.sightings.calls("last")).isEqualTo(1);
    assertThat(w.audit.calls("record")).isEqualTo(3);
    // per rotation: DescribeSecret, UpdateSecretVersionStage (remove AWSPREVIOUS)
    assertThat(w.secretsManager.calls("describe")).isEqualTo(1);
    assertThat(w.secretsManager.calls("removeStage")).isEqualTo(1);
    assertThat(delta(w, before, w.parameters)).isZero();
  }

  private static Map<FakePort, Integer> counts(LifecycleWorld w) {
    Map<FakePort, Integer> m = new java.util.HashMap<>();
    for (FakePort p : w.ports()) {
      m.put(p, p.calls(FakePort.ANY));
    }
    return m;
  }

  private static int delta(LifecycleWorld w, Map<FakePort, Integer> before, FakePort port) {
    return port.calls(FakePort.ANY) - before.get(port);
  }
}
