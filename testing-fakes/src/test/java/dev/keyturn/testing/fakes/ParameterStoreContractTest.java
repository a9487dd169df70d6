package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.secrets.aws.SsmParameterStore;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * {@link FakeParameterStore} and {@link SsmParameterStore} (against the local AWS) held to one
 * contract: the ports {@link ParameterStore} and {@link ParameterCreator}.
 */
@WithLocalAws
class ParameterStoreContractTest {

  static SsmClient ssm;

  @BeforeAll
  static void client() {
    ssm = SsmClient.create(); // after @WithLocalAws pointed the SDK at the local AWS
  }

  abstract static class Contract {

    final ParameterStore store;
    final ParameterCreator creator;
    final String name = "/keyturn/contract/" + UUID.randomUUID().toString().substring(0, 8);
    final String first = SeededSecrets.generate("p-first");

    <T extends ParameterStore & ParameterCreator> Contract(T ports) {
      this.store = ports;
      this.creator = ports;
    }

    /** The version carrying the label, 0 when none does (the ports cannot read labels). */
    abstract long labelled(String name, String label);

    @Test
    void createIfAbsent_makesASecureStringOnce_acceptsTheSameValue_andRefusesAnother() {
      Instant before = Instant.now().minus(Duration.ofMinutes(1));

      assertThat(creator.createIfAbsent(name, first, Map.of("keyturn:entry", "RX_P")))
          .isEqualTo(Creation.CREATED);
      assertThat(creator.createIfAbsent(name, first, Map.of())).isEqualTo(Creation.ALREADY_PRESENT);
      assertThatThrownBy(
              () -> creator.createIfAbsent(name, SeededSecrets.generate("p-other"), Map.of()))
          .isInstanceOf(SourceExistsException.class)
          .hasMessageContaining(name);

      ParameterInfo info = store.describe(List.of(name)).get(name);
      assertThat(info.isSecureString()).isTrue();
      assertThat(info.version()).isEqualTo(1);
      assertThat(info.lastModified()).isAfter(before);
      assertThat(store.read(name, 1).value()).isEqualTo(first);
    }

    @Test
    void putSecure_addsAVersion_keepingEveryEarlierOneReadable() {
      creator.createIfAbsent(name, first, Map.of());
      String second = SeededSecrets.generate("p-second");

      long version = store.putSecure(name, second, null);

      assertThat(version).isEqualTo(2);
      assertThat(store.describe(List.of(name)).get(name).version()).isEqualTo(2);
      assertThat(store.read(name, 1).value()).isEqualTo(first);
      assertThat(store.read(name, 2).value()).isEqualTo(second);
      assertThat(store.read(name, 2).version()).isEqualTo(2);
      assertThat(store.read(name, 2).arn())
          .startsWith("arn:aws:ssm:")
          .endsWith(":parameter" + name);
    }

    @Test
    void putSecure_withAKey_isDescribedWithThatKey() {
      creator.createIfAbsent(name, first, Map.of());

      store.putSecure(name, SeededSecrets.generate("p-key"), "alias/keyturn-contract");

      assertThat(store.describe(List.of(name)).get(name).keyId())
          .isEqualTo("alias/keyturn-contract");
    }

    @Test
    void describe_leavesOutParametersThatDoNotExist() {
      creator.createIfAbsent(name, first, Map.of());

      assertThat(store.describe(List.of(name, name + "-missing"))).containsOnlyKeys(name);
    }

    @Test
    void read_ofAVersionThatDoesNotExist_fails() {
      creator.createIfAbsent(name, first, Map.of());

      assertThatThrownBy(() -> store.read(name, 2)).isInstanceOf(RuntimeException.class);
      assertThatThrownBy(() -> store.read(name + "-missing", 1))
          .isInstanceOf(RuntimeException.class);
    }

    @Test
    void label_isOnOneVersionAtATime_andMovesToTheVersionItIsPutOn() {
      creator.createIfAbsent(name, first, Map.of());
      store.putSecure(name, SeededSecrets.generate("p-labelled"), null);

      store.label(name, 1, "current");
      assertThat(labelled(name, "current")).isEqualTo(1);
      store.label(name, 2, "current");
      store.label(name, 1, "previous");

      assertThat(labelled(name, "current")).isEqualTo(2);
      assertThat(labelled(name, "previous")).isEqualTo(1);
    }

    @Test
    void unlabel_takesTheLabelOff_andARepeatOrAnotherVersionIsHarmless() {
      creator.createIfAbsent(name, first, Map.of());
      store.putSecure(name, SeededSecrets.generate("p-unlabelled"), null);
      store.label(name, 2, "current");
      store.label(name, 1, "previous");

      store.unlabel(name, 1, "previous");
      store.unlabel(name, 1, "previous");
      store.unlabel(name, 1, "current");

      assertThat(labelled(name, "previous")).isZero();
      assertThat(labelled(name, "current")).isEqualTo(2);
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeParameterStore());
    }

    @Override
    long labelled(String name, String label) {
      return ((FakeParameterStore) store).labelled(name, label);
    }
  }

  @Nested
  class Ssm extends Contract {
    Ssm() {
      super(new SsmParameterStore(ssm));
    }

    @Override
    long labelled(String name, String label) {
      return ssm.getParameterHistoryPaginator(b -> b.name(name)).stream()
          .flatMap(page -> page.parameters().stream())
          .filter(p -> p.labels().contains(label))
          .mapToLong(ParameterHistory::version)
          .findFirst()
          .orElse(0);
    }
  }
}
