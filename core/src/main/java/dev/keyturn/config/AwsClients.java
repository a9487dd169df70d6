package dev.keyturn.config;

import dev.keyturn.snapstart.RefreshableCredentialsProvider;
import io.micronaut.context.annotation.Bean;
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
 * because other HTTP clients may be on a classpath. All clients share one default credentials chain
 * that SnapStart's restore hook renews ({@link RefreshableCredentialsProvider}).
 */
@Factory
public class AwsClients {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  @Singleton
  @Bean(preDestroy = "close")
  public RefreshableCredentialsProvider awsCredentials() {
    return RefreshableCredentialsProvider.defaultChain();
  }

  @Singleton
  public DynamoDbClient dynamoDb(RefreshableCredentialsProvider credentials) {
    return DynamoDbClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  @Singleton
  public SecretsManagerClient secretsManager(RefreshableCredentialsProvider credentials) {
    return SecretsManagerClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  @Singleton
  public SsmClient ssm(RefreshableCredentialsProvider credentials) {
    return SsmClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http())
        .overrideConfiguration(timeouts())
        .build();
  }

  @Singleton
  public EventBridgeClient eventBridge(RefreshableCredentialsProvider credentials) {
    return EventBridgeClient.builder()
        .credentialsProvider(credentials)
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
