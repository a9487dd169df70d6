package dev.keyturn.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * AWS SDK clients with the SDK's default region, credentials and endpoint resolution (so {@code
 * AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} point them at local emulators without any
 * switch here). The URL-connection HTTP client keeps cold starts small; it is named explicitly
 * because other HTTP clients may be on a classpath.
 */
@Factory
public class AwsClients {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  @Singleton
  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  @Singleton
  public SecretsManagerClient secretsManager() {
    return SecretsManagerClient.builder()
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  @Singleton
  public SsmClient ssm() {
    return SsmClient.builder().httpClientBuilder(http()).overrideConfiguration(timeouts()).build();
  }

  @Singleton
  public EventBridgeClient eventBridge() {
    return EventBridgeClient.builder()
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  private static UrlConnectionHttpClient.Builder http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(3))
        .socketTimeout(ATTEMPT_TIMEOUT);
  }

  private static ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(CALL_TIMEOUT)
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .build();
  }
}
