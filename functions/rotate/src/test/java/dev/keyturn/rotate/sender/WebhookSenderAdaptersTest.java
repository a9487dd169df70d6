package dev.keyturn.rotate.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuSettings;
import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.heroku.TokenProvider;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.rotate.sender.github.GithubHooksApi;
import dev.keyturn.rotate.sender.github.GithubRepoWebhookSender;
import dev.keyturn.rotate.sender.heroku.HerokuAppWebhookSender;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Both sender adapters against the stand-ins (each checks requests and answers by its schema). */
@WithHerokuStandIn
@WithGithubStandIn
class WebhookSenderAdaptersTest {

  private static final String VALUE = "kt-seed-sender-value-0123456789";
  private static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20));

  private final HerokuStandIn heroku;
  private final GithubStandIn github;

  WebhookSenderAdaptersTest(HerokuStandIn heroku, GithubStandIn github) {
    this.heroku = heroku;
    this.github = github;
  }

  private HerokuAppWebhookSender herokuSender() {
    return new HerokuAppWebhookSender(
        new HerokuApi(
            new HerokuSettings(
                heroku.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), FAST, 50),
            TokenProvider.fixed(heroku.defaultToken())));
  }

  private GithubRepoWebhookSender githubSender(TokenProvider token) {
    return new GithubRepoWebhookSender(
        new GithubHooksApi(
            HttpClient.newHttpClient(),
            github.baseUrl(),
            token,
            Duration.ofSeconds(5),
            FAST,
            RandomGenerator.getDefault()));
  }

  @Test
  void heroku_pushSetsTheSecret_andDescribeReadsTheSubscriptionWithoutIt() {
    heroku.createApp("billing");
    UUID id = heroku.createAppWebhook("billing", "https://hooks.example/h", "old");
    SenderBinding binding = new SenderBinding.Heroku("billing", id.toString());

    herokuSender().push(binding, VALUE);
    SenderHook hook = herokuSender().describe(binding);

    assertThat(heroku.appWebhookSignsWith("billing", id, VALUE)).isTrue();
    assertThat(hook.url()).isEqualTo("https://hooks.example/h");
    assertThat(hook.target()).isEqualTo("heroku:billing/" + id);
    assertThat(hook.updatedAt()).isNotBlank();
  }

  @Test
  void heroku_aPushToAnUnknownWebhook_namesTheTargetAndAnswer_neverTheValue() {
    heroku.createApp("billing");
    SenderBinding binding = new SenderBinding.Heroku("billing", UUID.randomUUID().toString());

    assertThatThrownBy(() -> herokuSender().push(binding, VALUE))
        .isInstanceOf(SenderPushException.class)
        .hasMessageContaining(binding.target())
        .hasMessageContaining("HTTP 404 not_found")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void github_pushSetsTheSecret_rereadingARejectedToken_andDescribeReadsTheHook() {
    long id = github.createHook("raxx/raptor", "https://hooks.example/g", "old");
    SenderBinding binding = new SenderBinding.Github("raxx/raptor", id);
    AtomicInteger reads = new AtomicInteger();
    String stale = "ghp_stale000000000000000000000000000000";
    TokenProvider token =
        new TokenProvider() {
          @Override
          public String token() {
            return reads.get() == 0 ? stale : github.defaultToken();
          }

          @Override
          public void refresh() {
            reads.incrementAndGet();
          }
        };

    githubSender(token).push(binding, VALUE);
    SenderHook hook = githubSender(TokenProvider.fixed(github.defaultToken())).describe(binding);

    assertThat(reads.get()).as("one 401, one re-read").isEqualTo(1);
    assertThat(github.hookSignsWith("raxx/raptor", id, VALUE)).isTrue();
    assertThat(hook.url()).isEqualTo("https://hooks.example/g");
  }

  @Test
  void github_retries5xx_thenFailsNamingTheTarget_neverTheValue() {
    long id = github.createHook("raxx/raptor", "https://hooks.example/g", "old");
    SenderBinding binding = new SenderBinding.Github("raxx/raptor", id);
    GithubRepoWebhookSender sender = githubSender(TokenProvider.fixed(github.defaultToken()));

    github.failNext(2, 502);
    sender.push(binding, VALUE);
    assertThat(github.hookSignsWith("raxx/raptor", id, VALUE)).isTrue();

    github.failNext(4, 503);
    assertThatThrownBy(() -> sender.push(binding, "another-" + VALUE))
        .isInstanceOf(SenderPushException.class)
        .hasMessage("github:raxx/raptor/" + id + ": github http_503");
    assertThat(github.hookSignsWith("raxx/raptor", id, VALUE)).isTrue();
  }

  @Test
  void github_aBindingThatIsNotOwnerSlashName_isRefusedBeforeAnyCall() {
    SenderBinding binding = new SenderBinding.Github("raxx/raptor/../x", 5L);

    assertThatThrownBy(
            () -> githubSender(TokenProvider.fixed(github.defaultToken())).push(binding, VALUE))
        .isInstanceOf(SenderPushException.class)
        .hasMessageContaining("invalid_binding");
    assertThat(github.requests()).isEmpty();
  }
}
