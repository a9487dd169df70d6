package dev.keyturn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which backend KEYTURN_LOCAL_AWS selects; no backend is started here. */
class LocalAwsBackendsTest {

  record Named(String name) implements LocalAwsBackend {
    @Override
    public LocalAws start(Path logDirectory) {
      throw new AssertionError("selection must not start anything");
    }
  }

  static final List<LocalAwsBackend> BACKENDS = List.of(new Named("moto"), new Named("localstack"));

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "moto", "MOTO", " moto\n"})
  void unsetBlankOrMoto_selectsMoto(String value) {
    assertThat(LocalAwsBackends.select(value, BACKENDS).name()).isEqualTo("moto");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localstack", "LocalStack", " localstack "})
  void localstack_selectsLocalStack_inAnyCase(String value) {
    assertThat(LocalAwsBackends.select(value, BACKENDS).name()).isEqualTo("localstack");
  }

  @Test
  void anUnknownName_failsWithOneLineNamingItAndTheKnownBackends() {
    assertThatThrownBy(() -> LocalAwsBackends.select("Docker", BACKENDS))
        .isInstanceOf(LocalAwsUnavailableException.class)
        .hasMessage("KEYTURN_LOCAL_AWS=docker names no local AWS backend (known: moto, localstack)")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void theClassPath_offersMotoFirstAndLocalStack() {
    assertThat(LocalAwsBackends.available())
        .extracting(LocalAwsBackend::name)
        .containsExactly("moto", "localstack");
  }
}
