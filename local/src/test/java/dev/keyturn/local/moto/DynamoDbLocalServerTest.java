package dev.keyturn.local.moto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.template.TemplateTable;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbLocalServerTest {

  @Test
  void close_stopsEveryThreadDynamoDbLocalStarted_soAPlainMainCanExit() {
    DynamoDbLocalServer server = DynamoDbLocalServer.start();
    try (DynamoDbClient client = client(server.endpoint(), "anyKey1")) {
      // the first request creates the database and its background jobs (non-daemon threads)
      TemplateTable.locate().recreate(client, "threads-probe");
    }
    assertThat(server.liveThreads()).isPositive();

    server.close();

    assertThat(server.liveThreads()).isZero();
    assertThat(NetworkProbe.accepts("127.0.0.1", server.endpoint().getPort())).isFalse();
  }

  @Test
  void sharedDb_showsTheSameTablesToEveryCredentialAndRegion() {
    DynamoDbLocalServer server = DynamoDbLocalServer.start();
    try (DynamoDbClient first = client(server.endpoint(), "firstKey");
        DynamoDbClient second = client(server.endpoint(), "secondKey")) {
      TemplateTable.locate().recreate(first, "shared-probe");

      assertThat(second.listTables().tableNames()).containsExactly("shared-probe");
    } finally {
      server.close();
    }
  }

  private static DynamoDbClient client(URI endpoint, String accessKey) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
