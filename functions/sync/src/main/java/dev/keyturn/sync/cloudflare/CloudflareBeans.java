package dev.keyturn.sync.cloudflare;

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
import java.time.Duration;

/**
 * Wires the Cloudflare Workers secrets target: {@code cloudflare.api-url} ({@code
 * CLOUDFLARE_API_URL}, default {@code https://api.cloudflare.com/client/v4}), {@code
 * cloudflare.api-token-secret} ({@code CLOUDFLARE_API_TOKEN_SECRET}: the Secrets Manager secret, an
 * inventory entry's source, holding an API token with Workers Scripts: Edit), timeouts and retries
 * ({@code cloudflare.retry.*}), {@code cloudflare.max-retry-after} (10s).
 */
@Factory
public class CloudflareBeans {

  @Singleton
  public CloudflareSettings cloudflareSettings(
      @Value("${cloudflare.api-url:}") String apiUrl,
      @Value("${cloudflare.connect-timeout:3s}") Duration connectTimeout,
      @Value("${cloudflare.request-timeout:10s}") Duration requestTimeout,
      @Value("${cloudflare.retry.max-attempts:4}") int maxAttempts,
      @Value("${cloudflare.retry.base-delay:250ms}") Duration baseDelay,
      @Value("${cloudflare.retry.max-delay:4s}") Duration maxDelay,
      @Value("${cloudflare.max-retry-after:10s}") Duration maxRetryAfter) {
    return new CloudflareSettings(
        apiUrl.isBlank() ? CloudflareSettings.DEFAULT_BASE_URL : URI.create(apiUrl),
        connectTimeout,
        requestTimeout,
        new RetryPolicy(maxAttempts, baseDelay, maxDelay),
        maxRetryAfter);
  }

  /** Retry jitter; reseeded after a SnapStart restore. */
  @Singleton
  @Named("cloudflare-jitter")
  public ReseedableRandom cloudflareJitter() {
    return new ReseedableRandom();
  }

  @Singleton
  @Named("cloudflare")
  public SinkPort cloudflareSink(
      CloudflareSettings settings,
      SecretSource secrets,
      @Named("cloudflare-jitter") ReseedableRandom jitter,
      @Value("${cloudflare.api-token-secret:}") String tokenSecret) {
    SecretToken token = new SecretToken(secrets, tokenSecret, "CLOUDFLARE_API_TOKEN_SECRET");
    return new CloudflareSinkPort(new CloudflareApi(settings, token, jitter));
  }
}
