package dev.keyturn.local.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyturn.local.LocalAwsUnavailableException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the moto backend itself promises, beyond the contract every backend keeps. */
class MotoLocalAwsTest {

  @TempDir static Path logs;
  static MotoLocalAws aws;

  @BeforeAll
  static void start() {
    aws = MotoLocalAws.start(logs);
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @Test
  void emulators_listenOnLoopbackEndpoints() {
    assertThat(aws.backend()).isEqualTo("moto");
    assertThat(aws.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(aws.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(aws.endpoint().getPort()).isNotEqualTo(aws.dynamoDbEndpoint().getPort());
    assertThat(aws.region()).isEqualTo("us-east-1");
  }

  @Test
  void emulators_refuseConnectionsOnOtherInterfaces() {
    String address = NetworkProbe.nonLoopbackAddress().orElse(null);
    assumeTrue(address != null, "this machine has no non-loopback IPv4 interface to probe");

    assertThat(NetworkProbe.accepts("127.0.0.1", aws.dynamoDbEndpoint().getPort())).isTrue();
    assertThat(NetworkProbe.accepts(address, aws.dynamoDbEndpoint().getPort())).isFalse();
    assertThat(NetworkProbe.accepts("127.0.0.1", aws.endpoint().getPort())).isTrue();
    assertThat(NetworkProbe.accepts(address, aws.endpoint().getPort())).isFalse();
  }

  @Test
  void motoLog_isWrittenIntoTheGivenDirectory() throws Exception {
    assertThat(aws.motoLog()).startsWith(logs);
    assertThat(Files.readString(aws.motoLog())).contains("Running on http://127.0.0.1");
  }

  @Test
  void recreateTable_dropsEveryItem() {
    String table = "keyturn-recreate-probe";
    aws.recreateTable(table);
    aws.dynamoDb().putItem(request -> request.tableName(table).item(key("PROBE", "ONE")));

    aws.recreateTable(table);

    assertThat(aws.dynamoDb().scan(request -> request.tableName(table)).items()).isEmpty();
  }

  @Test
  void environment_carriesTheEndpointsRegionAndDummyCredentials() {
    assertThat(aws.environment())
        .containsEntry("AWS_ENDPOINT_URL", aws.endpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString())
        .containsEntry("AWS_REGION", "us-east-1")
        .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(aws.sdkSettings().systemProperties())
        .containsEntry("aws.endpointUrl", aws.endpoint().toString())
        .containsEntry("aws.endpointUrlDynamoDb", aws.dynamoDbEndpoint().toString());
  }

  @Test
  void close_stopsBothEmulatorsAndEveryDynamoDbLocalThread(@TempDir Path ownLogs) {
    URI moto;
    URI dynamo;
    MotoLocalAws owned = MotoLocalAws.start(ownLogs);
    try (owned) {
      moto = owned.endpoint();
      dynamo = owned.dynamoDbEndpoint();
      assertThat(moto).isNotEqualTo(aws.endpoint());
      assertThat(owned.dynamoDb().listTables().tableNames()).isEmpty();
    }

    assertThat(NetworkProbe.accepts("127.0.0.1", moto.getPort())).isFalse();
    assertThat(NetworkProbe.accepts("127.0.0.1", dynamo.getPort())).isFalse();
    assertThat(owned.dynamoDbLocalThreads()).isZero();
  }

  @Test
  void start_withoutMotoOnPath_failsWithOneInstallHint(@TempDir Path empty) {
    assertThatThrownBy(() -> MotoServer.start(empty, empty.toString()))
        .isInstanceOf(MotoNotInstalledException.class)
        .isInstanceOf(LocalAwsUnavailableException.class)
        .hasMessage("moto_server not found on PATH: install it with pip install 'moto[server]'")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
