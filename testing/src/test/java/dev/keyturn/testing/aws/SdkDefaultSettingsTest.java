package dev.keyturn.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Proves the settings names: SDK clients built with nothing but an HTTP client reach DynamoDB Local
 * (aws.endpointUrlDynamoDb / AWS_ENDPOINT_URL_DYNAMODB) and moto (aws.endpointUrl /
 * AWS_ENDPOINT_URL). Each write is read back through a client pointed explicitly at the emulator it
 * should have reached; moto also emulates DynamoDB, but has no such table, so a DynamoDB client
 * that fell back to the general endpoint would fail.
 */
@WithLocalAws
class SdkDefaultSettingsTest {

  @Test
  void defaultDynamoDbClient_reachesDynamoDbLocal(DynamoDbClient dynamoDbLocal) {
    try (DynamoDbClient defaults =
        DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      defaults.putItem(
          request -> request.tableName(LocalAwsExtension.TABLE).item(key("DEFAULTS", "DYNAMO")));
    }

    var item =
        dynamoDbLocal.getItem(
            request -> request.tableName(LocalAwsExtension.TABLE).key(key("DEFAULTS", "DYNAMO")));
    assertThat(item.hasItem()).isTrue();
  }

  @Test
  void defaultSecretsManagerClient_reachesMoto(LocalAws aws) {
    String value = SeededSecrets.generate("defaults-probe");
    try (SecretsManagerClient defaults =
        SecretsManagerClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      defaults.createSecret(request -> request.name("keyturn/defaults-probe").secretString(value));
    }

    try (SecretsManagerClient moto = explicit(SecretsManagerClient.builder(), aws.endpoint())) {
      String stored =
          moto.getSecretValue(
                  request -> request.secretId("keyturn/defaults-probe").versionStage("AWSCURRENT"))
              .secretString();
      assertThat(stored.equals(value))
          .as("moto holds the value written by the default client")
          .isTrue();
    }
  }

  @Test
  void defaultSsmEventBridgeAndSqsClients_reachMoto(LocalAws aws) {
    try (SsmClient ssm =
            SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        EventBridgeClient events =
            EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        SqsClient sqs =
            SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      ssm.putParameter(
          request -> request.name("/keyturn/defaults-probe").value("plain").type("String"));
      events.createEventBus(request -> request.name("keyturn-defaults-probe"));
      sqs.createQueue(request -> request.queueName("keyturn-defaults-probe"));
    }

    try (SsmClient ssm = explicit(SsmClient.builder(), aws.endpoint());
        EventBridgeClient events = explicit(EventBridgeClient.builder(), aws.endpoint());
        SqsClient sqs = explicit(SqsClient.builder(), aws.endpoint())) {
      assertThat(
              ssm.getParameter(request -> request.name("/keyturn/defaults-probe"))
                  .parameter()
                  .value())
          .isEqualTo("plain");
      assertThat(events.describeEventBus(request -> request.name("keyturn-defaults-probe")).name())
          .isEqualTo("keyturn-defaults-probe");
      assertThat(sqs.listQueues().queueUrls())
          .anyMatch(url -> url.endsWith("/keyturn-defaults-probe"));
    }
  }

  @Test
  void environment_pointsAChildProcessesDefaultClientsAtTheEmulators(
      LocalAws aws, @TempDir Path dir) throws Exception {
    aws.dynamoDb()
        .putItem(request -> request.tableName(LocalAwsExtension.TABLE).item(key("CHILD", "SEEN")));
    try (SecretsManagerClient moto = explicit(SecretsManagerClient.builder(), aws.endpoint())) {
      moto.createSecret(request -> request.name("keyturn/child-probe").secretString("not-secret"));
    }

    List<String> output = runChild(EnvironmentProbe.class, aws.environment(), dir);

    assertThat(output)
        .contains("dynamodb item CHILD/SEEN found", "secretsmanager keyturn/child-probe found");
  }

  private static List<String> runChild(Class<?> main, Map<String, String> environment, Path dir)
      throws Exception {
    Path out = dir.resolve("child.out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(environment);
    Process child = builder.start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C>
      C explicit(B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("explicit", "explicit")))
        .build();
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
