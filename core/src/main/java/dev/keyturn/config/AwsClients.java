package dev.keyturn.config;

import dev.keyturn.snapstart.RefreshableCredentialsProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
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
 * that SnapStart's restore hook renews ({@link RefreshableCredentialsProvider}). Timeouts: {@code
 * keyturn.aws.attempt-timeout} (env {@code KEYTURN_AWS_ATTEMPT_TIMEOUT}, default 5 s) and {@code
 * keyturn.aws.call-timeout} (default 20 s).
 */
@Factory
public class AwsClients {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  @Singleton
  public AwsTimeouts awsTimeouts(
      @Value("${keyturn.aws.attempt-timeout:5s}") Duration attempt,
      @Value("${keyturn.aws.call-timeout:20s}") Duration call) {
    return new AwsTimeouts(attempt, call);
  }

  @Singleton
  @Bean(preDestroy = "close")
  public RefreshableCredentialsProvider awsCredentials() {
    return RefreshableCredentialsProvider.defaultChain();
  }

  @Singleton
  public DynamoDbClient dynamoDb(RefreshableCredentialsProvider credentials, AwsTimeouts timeouts) {
    return DynamoDbClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public SecretsManagerClient secretsManager(
      RefreshableCredentialsProvider credentials, AwsTimeouts timeouts) {
    return SecretsManagerClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public SsmClient ssm(RefreshableCredentialsProvider credentials, AwsTimeouts timeouts) {
    return SsmClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public EventBridgeClient eventBridge(
      RefreshableCredentialsProvider credentials, AwsTimeouts timeouts) {
    return EventBridgeClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  /** The HTTP client settings every keyturn SDK client uses (also for clients built elsewhere). */
  public static UrlConnectionHttpClient.Builder http(AwsTimeouts timeouts) {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(timeouts.attempt());
  }

  /** The call and attempt timeouts every keyturn SDK client uses. */
  public static ClientOverrideConfiguration overrides(AwsTimeouts timeouts) {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(timeouts.call())
        .apiCallAttemptTimeout(timeouts.attempt())
        .build();
  }
}
