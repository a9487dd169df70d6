package dev.keyturn.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WithLocalAws
class LocalAwsTest {

  @Test
  void emulators_listenOnLoopbackEndpoints(LocalAws aws) {
    assertThat(aws.motoEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(aws.dynamoEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(aws.motoEndpoint().getPort()).isNotEqualTo(aws.dynamoEndpoint().getPort());
    assertThat(aws.region()).isEqualTo("us-east-1");
  }

  @Test
  void emulators_refuseConnectionsOnOtherInterfaces(LocalAws aws) {
    String address = NetworkProbe.nonLoopbackAddress().orElse(null);
    assumeTrue(address != null, "this machine has no non-loopback IPv4 interface to probe");

    assertThat(NetworkProbe.accepts("127.0.0.1", aws.dynamoEndpoint().getPort())).isTrue();
    assertThat(NetworkProbe.accepts(address, aws.dynamoEndpoint().getPort())).isFalse();
    assertThat(NetworkProbe.accepts("127.0.0.1", aws.motoEndpoint().getPort())).isTrue();
    assertThat(NetworkProbe.accepts(address, aws.motoEndpoint().getPort())).isFalse();
  }

  @Test
  void shared_isStartedOncePerJvm() {
    assertThat(LocalAws.shared()).isSameAs(LocalAws.shared());
  }

  @Test
  void close_onSharedInstance_leavesEmulatorsRunning(LocalAws aws) {
    aws.close();

    assertThat(aws.dynamoDb().listTables().tableNames()).contains(LocalAwsExtension.TABLE);
    aws.resetMoto();
  }

  @Test
  void motoLog_isWrittenUnderTheModuleTargetDirectory(LocalAws aws) throws Exception {
    Path target = Path.of(System.getProperty("basedir"), "target").toAbsolutePath();

    assertThat(aws.motoLog().toAbsolutePath()).startsWith(target);
    assertThat(Files.readString(aws.motoLog())).contains("Running on http://127.0.0.1");
  }

  @Test
  void recreateTable_dropsEveryItem(LocalAws aws, DynamoDbClient dynamoDb) {
    String table = "keyturn-recreate-probe";
    aws.recreateTable(table);
    dynamoDb.putItem(request -> request.tableName(table).item(key("PROBE", "ONE")));

    aws.recreateTable(table);

    assertThat(dynamoDb.scan(request -> request.tableName(table)).items()).isEmpty();
  }

  @Test
  void environment_carriesTheSameSettingsAsTheSystemProperties(LocalAws aws) {
    Map<String, String> environment = aws.environment();

    assertThat(environment)
        .containsEntry("AWS_ENDPOINT_URL", aws.motoEndpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEndpoint().toString())
        .containsEntry("AWS_REGION", "us-east-1")
        .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(aws.motoEndpoint().toString());
    assertThat(System.getProperty("aws.endpointUrlDynamoDb"))
        .isEqualTo(aws.dynamoEndpoint().toString());
    assertThat(System.getProperty("keyturn.table")).isEqualTo(LocalAwsExtension.TABLE);
  }

  @Test
  void start_givesAnOwnedInstanceThatCloseStops(@TempDir Path logs) {
    URI moto;
    URI dynamo;
    try (LocalAws owned = LocalAws.start(logs)) {
      moto = owned.motoEndpoint();
      dynamo = owned.dynamoEndpoint();
      assertThat(moto).isNotEqualTo(LocalAws.shared().motoEndpoint());
      assertThat(owned.dynamoDb().listTables().tableNames()).isEmpty();
      owned.resetMoto();
      assertThat(owned.motoLog()).startsWith(logs);
    }

    assertThat(NetworkProbe.accepts("127.0.0.1", moto.getPort())).isFalse();
    assertThat(NetworkProbe.accepts("127.0.0.1", dynamo.getPort())).isFalse();
  }

  @Test
  void start_withoutMotoOnPath_failsWithOneInstallHint(@TempDir Path logs) {
    assertThatThrownBy(() -> MotoServer.start(logs, logs.toString()))
        .isInstanceOf(MotoNotInstalledException.class)
        .hasMessage("moto_server not found on PATH: install it with pip install 'moto[server]'")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
