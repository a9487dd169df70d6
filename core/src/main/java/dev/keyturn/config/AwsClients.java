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
 * <p>Timeouts are settings ({@value #CALL_TIMEOUT_PROPERTY}, {@value #ATTEMPT_TIMEOUT_PROPERTY});
 * the defaults suit AWS. A local emulator on a busy machine needs longer ones ({@code keyturn demo}
 * sets them): an attempt that times out after the emulator acted is retried, and a retried create
 * then fails.
 */
@Factory
public class AwsClients {

  public static final String CALL_TIMEOUT_PROPERTY = "keyturn.aws.call-timeout";
  public static final String ATTEMPT_TIMEOUT_PROPERTY = "keyturn.aws.attempt-timeout";

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  // field injection keeps the factory constructible without a context (tests build clients so)
  @Value("${" + CALL_TIMEOUT_PROPERTY + ":20s}")
  Duration callTimeout = CALL_TIMEOUT;

  @Value("${" + ATTEMPT_TIMEOUT_PROPERTY + ":5s}")
  Duration attemptTimeout = ATTEMPT_TIMEOUT;

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

  private UrlConnectionHttpClient.Builder http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(3))
        .socketTimeout(attemptTimeout);
  }

  private ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(callTimeout)
        .apiCallAttemptTimeout(attemptTimeout)
        .build();
  }
}
