package dev.keyturn.rotate;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.heroku.SecretsManagerTokenProvider;
import dev.keyturn.http.LazyHttpClient;
import dev.keyturn.rotate.protocol.FinishHook;
import dev.keyturn.rotate.sender.SenderFinishHook;
import dev.keyturn.rotate.sender.SenderHandover;
import dev.keyturn.rotate.sender.WebhookSenders;
import dev.keyturn.rotate.sender.github.GithubHooksApi;
import dev.keyturn.rotate.sender.github.GithubRepoWebhookSender;
import dev.keyturn.rotate.sender.heroku.HerokuAppWebhookSender;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.snapstart.ReseedableRandom;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.SenderPushStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Wires the webhook sender handover into the rotate function. Heroku goes through core's {@link
 * HerokuApi} ({@code HEROKU_API_URL}, {@code HEROKU_API_TOKEN_SECRET}); GitHub through {@link
 * GithubHooksApi} with the sync function's settings: {@code github.api-url} ({@code
 * GITHUB_API_URL}, default {@code https://api.github.com}), {@code github.token-secret} ({@code
 * GITHUB_TOKEN_SECRET}: a token that may write the repositories' webhooks), {@code
 * github.connect-timeout} (3s), {@code github.request-timeout} (10s), {@code
 * github.retry.max-attempts} (4), {@code .base-delay} (250ms), {@code .max-delay} (4s). Tokens are
 * read at the first push, never before a SnapStart snapshot.
 */
@Factory
public class SenderBeans {

  /** Retry jitter; reseeded after a SnapStart restore so restored copies do not retry in step. */
  @Singleton
  @Named("github-hooks-jitter")
  public ReseedableRandom githubHooksJitter() {
    return new ReseedableRandom();
  }

  @Singleton
  public GithubHooksApi githubHooksApi(
      SecretsManagerClient secretsManager,
      @Named("github-hooks-jitter") ReseedableRandom jitter,
      @Value("${github.api-url:}") String apiUrl,
      @Value("${github.token-secret:}") String tokenSecret,
      @Value("${github.connect-timeout:3s}") Duration connectTimeout,
      @Value("${github.request-timeout:10s}") Duration requestTimeout,
      @Value("${github.retry.max-attempts:4}") int maxAttempts,
      @Value("${github.retry.base-delay:250ms}") Duration baseDelay,
      @Value("${github.retry.max-delay:4s}") Duration maxDelay) {
    HttpClient http = LazyHttpClient.of(HttpClient.newBuilder().connectTimeout(connectTimeout));
    return new GithubHooksApi(
        http,
        URI.create(apiUrl.isBlank() ? "https://api.github.com" : apiUrl),
        new SecretsManagerTokenProvider(secretsManager, tokenSecret, "GITHUB_TOKEN_SECRET"),
        requestTimeout,
        new RetryPolicy(maxAttempts, baseDelay, maxDelay),
        jitter);
  }

  @Singleton
  public WebhookSenders webhookSenders(HerokuApi heroku, GithubHooksApi github) {
    return new WebhookSenders(
        List.of(new HerokuAppWebhookSender(heroku), new GithubRepoWebhookSender(github)));
  }

  @Singleton
  public SenderHandover senderHandover(
      WebhookSenders senders,
      SecretStages secrets,
      SenderPushStore pushes,
      AuditLog audit,
      Clock clock,
      @Named("actor") String actor) {
    return new SenderHandover(senders, secrets, pushes, audit, clock, actor);
  }

  /** What finishSecret runs after publishing: the sender handover. */
  @Singleton
  public FinishHook finishHook(InventoryStore inventory, SenderHandover handover) {
    return new SenderFinishHook(inventory, handover);
  }
}
