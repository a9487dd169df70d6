package dev.keyturn.rotate.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.rotate.fakes.InMemoryAccessKeys;
import dev.keyturn.rotate.vendor.aws.AccessKeyCredential;
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
 * The old vendor credential (an IAM access key, in memory with IAM's rules) of a rotation whose
 * consumer is a Heroku app: a fault at every call the life cycle makes (each operation of each
 * port, its 1st to 3rd call in a pass), in each phase (nothing published; published; release
 * confirmed), then retries: the rotation ends {@code retired} with the old key deleted, and the old
 * key is never deleted (nor stopped) while the release is not confirmed.
 */
class VendorLifecycleFaultTest {

  private static final String NAME = "AWS_INFISICAL_BOOTSTRAP";

  private static final class Scenario {
    final InMemoryAccessKeys keys = new InMemoryAccessKeys();
    final LifecycleWorld w = new LifecycleWorld(Duration.ZERO, List.of(keys));
    final SecretEntry e =
        new SecretEntry(
            NAME,
            new Source.SecretsManager("keyturn/prod/aws-bootstrap"),
            Tags.of("infra", "critical", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            new GeneratorSpec(InMemoryAccessKeys.TYPE, Map.of("user", "bootstrap")),
            null,
            List.of(),
            null,
            List.of(new Sink.Heroku("kt-web", "AWS_ACCESS_KEY", null)));
    final String oldKey;
    final String newKey;
    final String token;
    boolean releaseConfirmed;

    Scenario() {
      String oldValue = keys.seed();
      oldKey = AccessKeyCredential.parse(oldValue).accessKeyId();
      FakeSecret secret = w.secretsManager.create(e.source().id(), oldValue);
      w.inventory.add(e);
      secret.startRotation();
      String newValue = keys.seed(); // issued next to the old key, as createSecret does
      newKey = AccessKeyCredential.parse(newValue).accessKeyId();
      token = secret.stagePending(newValue);
      secret.finishRotation();
      w.complete(NAME, token, token);
    }

    LifecycleStage stage() {
      return w.rotations.runs().get(NAME + "#" + token).stage();
    }

    void world(int phase) {
      w.clock.advance(Duration.ofMinutes(1));
      if (phase == 1) {
        w.published("kt-web", "AWS_ACCESS_KEY", NAME, token);
      } else if (phase == 2) {
        w.releaseConfirmed("kt-web");
        releaseConfirmed = true;
      }
    }

    boolean pass() {
      boolean failed;
      try {
        failed = !w.service.advanceAll().failed().isEmpty();
      } catch (RuntimeException whole) {
        failed = true;
      }
      boolean oldKeyWorks = keys.activeKeyIds().contains(oldKey);
      assertThat(oldKeyWorks || releaseConfirmed)
          .as("the old key is never retired (nor stopped) before the rotation is confirmed")
          .isTrue();
      assertThat(keys.activeKeyIds()).as("the new key always works").contains(newKey);
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
  void aFaultAtAnyCall_inAnyPhase_thenRetries_retireTheOldKey_neverBeforeConfirmed() {
    int injected = 0;
    int worlds = 0;
    int ports = new Scenario().w.ports().size();
    for (int phase = 0; phase <= 2; phase++) {
      for (int port = 0; port < ports; port++) {
        for (String op : operations(new Scenario().w.ports().get(port))) {
          for (int nth = 1; nth <= 3; nth++) {
            Scenario s = new Scenario();
            for (int p = 1; p <= phase; p++) {
              s.world(p);
              if (p < phase) {
                s.pass();
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
            assertThat(s.keys.keyIds()).as(where).containsExactly(s.newKey);
            assertThat(s.w.secretsManager.secret(s.e.source().id()).versionWith(Stages.CURRENT))
                .as(where)
                .contains(s.token);
          }
        }
      }
    }
    assertThat(worlds).isGreaterThan(100);
    assertThat(injected).as("faults that hit a call the life cycle made").isGreaterThan(15);
  }
}
