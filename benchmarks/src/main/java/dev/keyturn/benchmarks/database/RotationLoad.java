package dev.keyturn.benchmarks.database;

import dev.keyturn.local.db.client.PooledClient;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One measured window: an app's pool under load for a fixed time, with the rotate function (its
 * shaded jar, through the Lambda runtime's loader) rotating the secret back to back, or idle.
 */
final class RotationLoad {

  static final List<String> STEPS =
      List.of("createSecret", "setSecret", "testSecret", "finishSecret");

  /**
   * @param queriesPerSecond successful queries per second of the window
   * @param rotations rotations completed in the window
   * @param failedQueries queries that failed
   * @param refusedLogins logins the server refused
   * @param reasons why queries failed (type and SQL state), distinct
   */
  record Result(
      double queriesPerSecond,
      int rotations,
      int failedQueries,
      int refusedLogins,
      java.util.Set<String> reasons) {}

  /** A single rotation's effect on the pool, and how long setSecret..finishSecret took. */
  record Window(Duration failureWindow, int refusedLogins, int failedQueries, Duration rotation) {}

  private final LambdaRuntimeHarness rotate;
  private final SecretsManagerRotationDriver driver;

  RotationLoad(LambdaRuntimeHarness rotate, SecretsManagerRotationDriver driver) {
    this.rotate = rotate;
    this.driver = driver;
  }

  /**
   * Runs {@code pool} for {@code length}, rotating {@code rotated} back to back meanwhile (any
   * secret: the pool's own, or a control that touches no database), or idle when it is null.
   */
  Result run(PooledClient pool, String rotated, Duration length) throws InterruptedException {
    boolean rotating = rotated != null;
    pool.resetStats();
    Instant start = Instant.now();
    Instant end = start.plus(length);
    int rotations = 0;
    if (rotating) {
      while (Instant.now().isBefore(end)) {
        rotateOnce(rotated);
        rotations++;
      }
    } else {
      Thread.sleep(length);
    }
    double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
    PooledClient.Stats stats = pool.snapshot();
    java.util.Set<String> reasons = new java.util.TreeSet<>();
    stats.failedQueries().forEach(f -> reasons.add(f.reason()));
    return new Result(
        stats.queries() / seconds,
        rotations,
        stats.failedQueries().size(),
        stats.refusedLogins().size(),
        reasons);
  }

  /** One rotation with the pool's failures observed around it. */
  Window singleRotation(PooledClient pool, String secretArn, Duration settle)
      throws InterruptedException {
    pool.resetStats();
    String token = driver.startRotation(secretArn);
    invoke(secretArn, token, "createSecret");
    Instant set = Instant.now();
    invoke(secretArn, token, "setSecret");
    invoke(secretArn, token, "testSecret");
    invoke(secretArn, token, "finishSecret");
    Duration rotation = Duration.between(set, Instant.now());
    Thread.sleep(settle);
    PooledClient.Stats stats = pool.snapshot();
    return new Window(
        stats.failureWindow(),
        stats.refusedLogins().size(),
        stats.failedQueries().size(),
        rotation);
  }

  private void rotateOnce(String secretArn) {
    String token = driver.startRotation(secretArn);
    for (String step : STEPS) {
      invoke(secretArn, token, step);
    }
  }

  private void invoke(String secretArn, String token, String step) {
    rotate.invoke(
        "{\"Step\":\""
            + step
            + "\",\"SecretId\":\""
            + secretArn
            + "\",\"ClientRequestToken\":\""
            + token
            + "\"}");
  }
}
