package dev.keyturn.heroku;

import dev.keyturn.snapstart.ReseedableRandom;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Wires {@link HerokuApi} from configuration (Micronaut maps env vars to these properties):
 *
 * <ul>
 *   <li>{@code heroku.api-url} ({@code HEROKU_API_URL}), default {@code https://api.heroku.com}
 *   <li>{@code heroku.api-token-secret} ({@code HEROKU_API_TOKEN_SECRET}): the Secrets Manager
 *       secret holding the token (raw, or JSON with a {@code token} field)
 *   <li>{@code heroku.connect-timeout} (3s), {@code heroku.request-timeout} (10s)
 *   <li>{@code heroku.retry.max-attempts} (4), {@code heroku.retry.base-delay} (250ms), {@code
 *       heroku.retry.max-delay} (4s, the cap of keyturn's own backoff; a server's {@code
 *       Retry-After} is honoured up to the invocation's remaining time)
 *   <li>{@code heroku.rate-limit-reserve} (50): {@code RateLimit-Remaining} below which no new work
 *       starts
 * </ul>
 */
@Factory
public class HerokuBeans {

  @Singleton
  public TokenProvider herokuTokenProvider(
      SecretsManagerClient secretsManager,
      @Value("${heroku.api-token-secret:}") String tokenSecret) {
    return new SecretsManagerTokenProvider(secretsManager, tokenSecret);
  }

  @Singleton
  public HerokuSettings herokuSettings(
      @Value("${heroku.api-url:}") String apiUrl,
      @Value("${heroku.connect-timeout:3s}") Duration connectTimeout,
      @Value("${heroku.request-timeout:10s}") Duration requestTimeout,
      @Value("${heroku.retry.max-attempts:4}") int maxAttempts,
      @Value("${heroku.retry.base-delay:250ms}") Duration baseDelay,
      @Value("${heroku.retry.max-delay:4s}") Duration maxDelay,
      @Value("${heroku.rate-limit-reserve:50}") int rateLimitReserve,
      BeanContext beans) {
    return new HerokuSettings(
        apiUrl.isBlank() ? HerokuSettings.DEFAULT_BASE_URL : URI.create(apiUrl),
        connectTimeout,
        requestTimeout,
        new RetryPolicy(maxAttempts, baseDelay, maxDelay),
        rateLimitReserve,
        new LambdaRemainingTime(beans));
  }

  /** Retry jitter; reseeded after a SnapStart restore so restored copies do not retry in step. */
  @Singleton
  @Named("heroku-jitter")
  public ReseedableRandom herokuJitter() {
    return new ReseedableRandom();
  }

  @Singleton
  public HerokuApi herokuApi(
      HerokuSettings settings,
      TokenProvider tokens,
      Clock clock,
      @Named("heroku-jitter") ReseedableRandom jitter) {
    return new HerokuApi(HerokuApi.lazyHttpClient(settings), settings, tokens, clock, jitter);
  }
}
