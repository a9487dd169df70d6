package dev.keyturn.rotate.lifecycle;

import static dev.keyturn.rotate.lifecycle.LifecycleWorld.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.testing.fakes.FakePort;
import dev.keyturn.testing.fakes.FakeSecret;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A fault at every call the life cycle makes (each operation of each port, its 1st to 3rd call in
 * the pass), in each phase of the world (nothing published; published but not confirmed;
 * confirmed), then retries: the rotation always ends {@code retired} with AWSPREVIOUS evicted, and
 * the old version is never evicted while a consumer or the sender does not use the new one.
 */
class LifecycleFaultTest {

  private static final String SOURCE = "freescout";

  /** One world: a Heroku sink and a webhook sender without an API, on one generated secret. */
  private static final class Scenario {
    final LifecycleWorld w = new LifecycleWorld();
    final SecretEntry e =
        entry(
            "FS_SUPPORT_WEBHOOK",
            new Source.SecretsManager("keyturn/prod/fs-webhook"),
            "hmac-key",
            List.of(new Sink.Heroku("kt-web", "FS_WEBHOOK_SECRET", null)));
    final String[] v;
    boolean releaseConfirmed;
    boolean senderOnNew;

    Scenario() {
      w.inventory.add(
          new WebhookEntry(SOURCE, "freescout", e.name(), null, Map.of(), null, "PT0S"));
      v = w.rotateSecret(e);
      w.sightings.record(SOURCE, v[0], w.clock.instant());
    }

    /** Read past the fakes' fault injection. */
    LifecycleStage stage() {
      return w.rotations.runs().get(e.name() + "#" + v[1]).stage();
    }

    FakeSecret secret() {
      return w.secretsManager.secret(e.source().id());
    }

    /** The world moves on to {@code phase}: 1 published; 2 release confirmed, sender on new. */
    void world(int phase) {
      w.clock.advance(Duration.ofMinutes(1));
      if (phase == 1) {
        w.published("kt-web", "FS_WEBHOOK_SECRET", e.name(), v[1]);
      } else if (phase == 2) {
        w.releaseConfirmed("kt-web");
        releaseConfirmed = true;
        w.sightings.record(SOURCE, v[1], w.clock.instant());
        senderOnNew = true;
      }
    }

    /** One pass, whatever it throws; then the safety property. Returns whether it failed. */
    boolean pass() {
      boolean failed;
      try {
        failed = !w.service.advanceAll().failed().isEmpty();
      } catch (RuntimeException whole) {
        failed = true;
      }
      boolean evicted = secret().versionWith(Stages.PREVIOUS).isEmpty();
      assertThat(!evicted || (releaseConfirmed && senderOnNew))
          .as("AWSPREVIOUS evicted only once every consumer and the sender use the new version")
          .isTrue();
      LifecycleStage stage = stage();
      assertThat(
              stage != LifecycleStage.CONFIRMED && stage != LifecycleStage.RETIRED
                  || (releaseConfirmed && senderOnNew))
          .as("confirmed only when it is")
          .isTrue();
      return failed;
    }
  }

  private static List<String> operations(FakePort port) {
    return new ArrayList<>(
        new TreeSet<>(
            Arrays.stream(port.getClass().getInterfaces())
                .flatMap(i -> Arrays.stream(i.getMethods()))
                .map(Method::getName)
                .toList()));
  }

  @Test
  void aFaultAtAnyCall_inAnyPhase_thenRetries_convergeToRetired_neverEvictingEarly() {
    int injected = 0;
    int worlds = 0;
    for (int phase = 0; phase <= 2; phase++) {
      for (int port = 0; port < new LifecycleWorld().ports().size(); port++) {
        for (String op : operations(new LifecycleWorld().ports().get(port))) {
          for (int nth = 1; nth <= 3; nth++) {
            Scenario s = new Scenario();
            for (int p = 1; p <= phase; p++) {
              s.world(p);
              if (p < phase) {
                s.pass(); // the fault hits the pass right after the world reached the phase
              }
            }
            FakePort faulty = s.w.ports().get(port);
            faulty.failCall(op, nth);
            if (s.pass()) {
              injected++;
            }
            faulty.heal();
            for (int p = phase + 1; p <= 2; p++) {
              s.world(p);
              s.pass();
            }
            for (int retry = 0; retry < 3; retry++) {
              s.pass();
            }
            worlds++;
            String where =
                "phase " + phase + ", " + faulty.getClass().getSimpleName() + "." + op + " #" + nth;
            assertThat(s.stage()).as(where).isEqualTo(LifecycleStage.RETIRED);
            assertThat(s.secret().versionWith(Stages.PREVIOUS)).as(where).isEmpty();
            assertThat(s.secret().versionWith(Stages.CURRENT)).as(where).contains(s.v[1]);
          }
        }
      }
    }
    assertThat(worlds).isGreaterThan(100);
    // the three passes make 21 calls between them (phase 0: 4 reads; phase 1: 5 reads, the
    // published move and its audit; phase 2: 5 reads, two moves, two audits, describe,
    // removeStage); every one was failed once
    assertThat(injected).as("faults that hit a call the life cycle made").isEqualTo(21);
  }
}
