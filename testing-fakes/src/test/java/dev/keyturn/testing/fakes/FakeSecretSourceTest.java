package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FakeSecretSource}'s and {@link FakeParameterStore}'s helpers for seeding values. */
class FakeSecretSourceTest {

  final FakeSecretSource source = new FakeSecretSource();
  final Source secret = new Source.SecretsManager("keyturn/one");
  final Source parameter = new Source.SsmParameter("/keyturn/two");

  @Test
  void put_createsTheSourceFirst_thenGivesItNewVersions() {
    source.put(secret, "a");
    source.put(parameter, "b");
    source.put(secret, "c");
    source.put(parameter, "d");

    assertThat(source.current(List.of(secret, parameter)))
        .containsEntry(secret, new SecretValue(secret.id(), "v2", "c"))
        .containsEntry(parameter, new SecretValue(parameter.id(), "2", "d"));
    assertThat(source.liveVersions(secret))
        .containsExactly(
            new SecretValue(secret.id(), "v2", "c"), new SecretValue(secret.id(), "v1", "a"));
    assertThat(source.secretsManager().exists(secret.id())).isTrue();
    assertThat(source.parameters().latest(parameter.id())).isEqualTo(2);
  }

  @Test
  void remove_deletesTheSource() {
    source.put(secret, "a");
    source.put(parameter, "b");

    source.remove(secret);
    source.remove(parameter);

    assertThat(source.current(List.of(secret, parameter))).isEmpty();
    assertThat(source.calls("current")).isEqualTo(1);
  }

  @Test
  void failAlways_onLiveVersions_leavesCurrentAnswering() {
    source.put(secret, "a");
    source.failAlways("liveVersions");

    assertThatThrownBy(() -> source.liveVersions(secret)).isInstanceOf(InjectedFault.class);
    assertThat(source.current(List.of(secret))).containsKey(secret);
    source.heal();
    assertThat(source.liveVersions(secret)).hasSize(1);
    assertThat(source.calls("liveVersions")).isEqualTo(1);
  }

  @Test
  void parameters_createdByATest_keepTheirTypeAndTime_andLabelsMove() {
    FakeParameterStore ssm = source.parameters();
    Instant then = Instant.parse("2026-01-01T00:00:00Z");
    ssm.create("/keyturn/plain", "String", "x", then);

    assertThat(ssm.describe(List.of("/keyturn/plain")).get("/keyturn/plain"))
        .satisfies(info -> {
          assertThat(info.type()).isEqualTo("String");
          assertThat(info.lastModified()).isEqualTo(then);
          assertThat(info.keyId()).isNull();
        });
    ssm.put("/keyturn/plain", "y");
    ssm.label("/keyturn/plain", 1, "previous");
    assertThat(ssm.labelled("/keyturn/plain", "previous")).isEqualTo(1);
    assertThat(ssm.labelled("/keyturn/plain", "current")).isZero();
    assertThat(ssm.valueAt("/keyturn/plain", 2)).isEqualTo("y");
    assertThat(ssm.describe(List.of("/keyturn/plain")).get("/keyturn/plain").isSecureString())
        .isTrue();
  }
}
