package dev.keyturn.sync.github;

import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.snapstart.ReseedableRandom;
import dev.keyturn.sync.sink.SecretToken;
import dev.keyturn.sync.sink.SinkPort;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the GitHub Actions secrets target from configuration:
 *
 * <ul>
 *   <li>{@code github.api-url} ({@code GITHUB_API_URL}), default {@code https://api.github.com}
 *   <li>{@code github.token-secret} ({@code GITHUB_TOKEN_SECRET}): the Secrets Manager secret (an
 *       inventory entry's source) holding a token with {@code secrets: write} and {@code
 *       environments: read}; raw, or JSON with a {@code token} field
 *   <li>{@code github.connect-timeout} (3s), {@code github.request-timeout} (10s), {@code
 *       github.retry.max-attempts} (4), {@code .base-delay} (250ms), {@code .max-delay} (4s)
 *   <li>{@code github.max-retry-after} (10s): the longest rate-limit wait worth making in a sync
 *   <li>{@code github.rate-limit-reserve} (100): {@code x-ratelimit-remaining} kept in reserve
 * </ul>
 */
@Factory
public class GithubBeans {

  @Singleton
  public GithubSettings githubSettings(
      @Value("${github.api-url:}") String apiUrl,
      @Value("${github.connect-timeout:3s}") Duration connectTimeout,
      @Value("${github.request-timeout:10s}") Duration requestTimeout,
      @Value("${github.retry.max-attempts:4}") int maxAttempts,
      @Value("${github.retry.base-delay:250ms}") Duration baseDelay,
      @Value("${github.retry.max-delay:4s}") Duration maxDelay,
      @Value("${github.max-retry-after:10s}") Duration maxRetryAfter,
      @Value("${github.rate-limit-reserve:100}") int reserve) {
    return new GithubSettings(
        apiUrl.isBlank() ? GithubSettings.DEFAULT_BASE_URL : URI.create(apiUrl),
        connectTimeout,
        requestTimeout,
        new RetryPolicy(maxAttempts, baseDelay, maxDelay),
        maxRetryAfter,
        reserve);
  }

  /** Retry jitter; reseeded after a SnapStart restore so restored copies do not retry in step. */
  @Singleton
  @Named("github-jitter")
  public ReseedableRandom githubJitter() {
    return new ReseedableRandom();
  }

  @Singleton
  @Named("github")
  public SinkPort githubSink(
      GithubSettings settings,
      SecretSource secrets,
      Clock clock,
      @Named("github-jitter") ReseedableRandom jitter,
      @Value("${github.token-secret:}") String tokenSecret) {
    SecretToken token = new SecretToken(secrets, tokenSecret, "GITHUB_TOKEN_SECRET");
    return new GithubSinkPort(new GithubApi(settings, token, clock, jitter));
  }
}
