package dev.keyturn.sync.fakes;

import dev.keyturn.heroku.RetryPolicy;
import dev.keyturn.sync.github.GithubApi;
import dev.keyturn.sync.github.GithubSettings;
import dev.keyturn.sync.github.GithubSinkPort;
import dev.keyturn.sync.sink.SecretToken;
import dev.keyturn.testing.github.GithubStandIn;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** The production GitHub adapter pointed at the stand-in, with short waits for the faults. */
public final class GithubFixture {

  public static final String TOKEN_ID = "keyturn/test/github-token";

  private GithubFixture() {}

  public static GithubSettings settings(GithubStandIn github, int reserve) {
    return new GithubSettings(
        github.baseUrl(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20)),
        Duration.ofSeconds(2),
        reserve);
  }

  /** A port whose token is read from {@code secrets} under {@link #TOKEN_ID}. */
  public static GithubSinkPort port(GithubStandIn github, InMemorySecrets secrets, int reserve) {
    secrets.put(TOKEN_ID, "{\"token\":\"" + github.defaultToken() + "\"}");
    return new GithubSinkPort(
        new GithubApi(
            settings(github, reserve),
            new SecretToken(secrets, TOKEN_ID, "GITHUB_TOKEN_SECRET"),
            Clock.systemUTC(),
            RandomGenerator.getDefault()));
  }
}
