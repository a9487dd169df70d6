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
 * that SnapStart's restore hook renews ({@link RefreshableCredentialsProvider}).
 *
 * <p>Timeouts: {@code keyturn.aws.call-timeout} bounds one call including the SDK's retries
 * (default 20s), {@code keyturn.aws.attempt-timeout} one attempt and its socket reads (default 5s).
 * A function with a short timeout (the webhook) sets shorter ones, so its calls end in time for it
 * to clean up.
 */
@Factory
public class AwsClients {

  /** The SDK clients' time limits. */
  public record Timeouts(Duration call, Duration attempt) {
    public Timeouts {
      if (!call.isPositive() || !attempt.isPositive() || attempt.compareTo(call) > 0) {
        throw new IllegalArgumentException(
            "keyturn.aws.attempt-timeout must be positive and at most keyturn.aws.call-timeout");
      }
    }
  }

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  @Singleton
  public Timeouts awsTimeouts(
      @Value("${keyturn.aws.call-timeout:20s}") Duration call,
      @Value("${keyturn.aws.attempt-timeout:5s}") Duration attempt) {
    return new Timeouts(call, attempt);
  }

  @Singleton
  @Bean(preDestroy = "close")
  public RefreshableCredentialsProvider awsCredentials() {
    return RefreshableCredentialsProvider.defaultChain();
  }

  @Singleton
  public DynamoDbClient dynamoDb(RefreshableCredentialsProvider credentials, Timeouts timeouts) {
    return DynamoDbClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public SecretsManagerClient secretsManager(
      RefreshableCredentialsProvider credentials, Timeouts timeouts) {
    return SecretsManagerClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public SsmClient ssm(RefreshableCredentialsProvider credentials, Timeouts timeouts) {
    return SsmClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  @Singleton
  public EventBridgeClient eventBridge(
      RefreshableCredentialsProvider credentials, Timeouts timeouts) {
    return EventBridgeClient.builder()
        .credentialsProvider(credentials)
        .httpClientBuilder(http(timeouts))
        .overrideConfiguration(overrides(timeouts))
        .build();
  }

  private static UrlConnectionHttpClient.Builder http(Timeouts timeouts) {
    Duration attempt = timeouts.attempt();
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(attempt.compareTo(CONNECT_TIMEOUT) < 0 ? attempt : CONNECT_TIMEOUT)
        .socketTimeout(attempt);
  }

  private static ClientOverrideConfiguration overrides(Timeouts timeouts) {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(timeouts.call())
        .apiCallAttemptTimeout(timeouts.attempt())
        .build();
  }
}
