package dev.keyturn.local;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * SDK clients for a local AWS, and the timeouts its calls get. On a busy two-core machine moto can
 * take many seconds to answer one call; an attempt that times out after the emulator acted gets
 * retried by the SDK, and a retried create then fails with "already exists". So local calls wait
 * long, per attempt and in total.
 */
public final class LocalSdk {

  /** How long one attempt of a local call may take. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

  /** How long a local call may take, retries included. */
  public static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

  private LocalSdk() {}

  /**
   * A client of the service {@code builder} builds, at {@code endpoint}, with dummy credentials.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, URI endpoint, Region region) {
    return builder
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AwsSdkSettings.ACCESS_KEY, AwsSdkSettings.SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(ATTEMPT_TIMEOUT))
        .overrideConfiguration(
            c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT))
        .build();
  }
}
