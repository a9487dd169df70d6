package dev.keyturn.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.keyturn.local.LocalAwsBackends;
import dev.keyturn.local.LocalAwsUnavailableException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking for LocalStack where it cannot run fails with one line, and starts nothing. */
class LocalStackBackendTest {

  @TempDir Path logs;

  @Test
  void withoutTestcontainersOnTheClassPath_failsWithOneLine() {
    // the platform loader sees neither Testcontainers nor anything else of the class path
    var backend = new LocalStackBackend(ClassLoader.getPlatformClassLoader(), () -> true);

    assertThatThrownBy(() -> backend.start(logs))
        .isInstanceOf(LocalAwsUnavailableException.class)
        .hasMessage(LocalStackBackend.NO_TESTCONTAINERS)
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void withoutADockerEngine_failsWithOneLine() {
    var backend = new LocalStackBackend(getClass().getClassLoader(), () -> false);

    assertThatThrownBy(() -> backend.start(logs))
        .isInstanceOf(LocalAwsUnavailableException.class)
        .hasMessage(
            "KEYTURN_LOCAL_AWS=localstack needs a Docker engine and none answers: start Docker"
                + " (or set DOCKER_HOST), or unset KEYTURN_LOCAL_AWS to use moto_server and"
                + " DynamoDB Local")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(logs).isEmptyDirectory();
  }

  @Test
  void selectingLocalStack_onAMachineWithoutDocker_failsWithTheSameLine() {
    assumeFalse(DockerProbe.dockerAnswers(), "a Docker engine answers here");

    assertThatThrownBy(() -> LocalAwsBackends.start("localstack", logs))
        .isInstanceOf(LocalAwsUnavailableException.class)
        .hasMessage(LocalStackBackend.NO_DOCKER)
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }
}
