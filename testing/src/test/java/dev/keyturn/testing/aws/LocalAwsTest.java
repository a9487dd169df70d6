package dev.keyturn.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What {@code @WithLocalAws} gives a test class (the backends themselves: keyturn-local). */
@WithLocalAws
class LocalAwsTest {

  @Test
  void shared_isStartedOncePerJvm() {
    assertThat(SharedLocalAws.get()).isSameAs(SharedLocalAws.get());
  }

  @Test
  void close_onSharedInstance_leavesItRunning(LocalAws aws) {
    aws.close();

    assertThat(aws.dynamoDb().listTables().tableNames()).contains(LocalAwsExtension.TABLE);
  }

  @Test
  void emulatorLogs_areWrittenUnderTheModuleTargetDirectory(LocalAws aws) throws Exception {
    Path logs = Path.of(System.getProperty("basedir"), "target", "local-aws");

    // moto-<port>.log or localstack.log
    try (Stream<Path> files = Files.list(logs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(f -> f.startsWith(aws.backend()));
    }
  }

  @Test
  void systemProperties_pointDefaultClientsAtTheSharedInstance(LocalAws aws) {
    assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(aws.endpoint().toString());
    assertThat(System.getProperty("aws.endpointUrlDynamoDb"))
        .isEqualTo(aws.dynamoDbEndpoint().toString());
    assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
    assertThat(System.getProperty("keyturn.table")).isEqualTo(LocalAwsExtension.TABLE);
  }
}
