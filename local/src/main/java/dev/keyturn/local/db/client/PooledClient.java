package dev.keyturn.local.db.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An app holding a connection pool on a database secret, under load: {@code workers} threads run
 * the app's query in a loop, the pool opens its new connections with the secret's AWSCURRENT value
 * as last read (re-read every {@code refresh}), and every {@code churn} connections are retired, so
 * the pool logs in anew. What a rotation does to such an app shows in {@link Stats}: queries,
 * logins, and every failure with when and why it happened.
 */
public abstract class PooledClient implements AutoCloseable {

  /** One failed query or login: when, and a reason made of a type and a code, never a message. */
  public record Failure(Instant at, String reason) {}

  /**
   * @param queries queries that succeeded
   * @param logins new connections opened
   * @param failedQueries queries that failed (no connection to be had, a broken connection)
   * @param refusedLogins logins the server refused for the credential (wrong password, no user)
   * @param failedLogins logins that failed otherwise (timeouts, connection limits)
   * @param user the user of the credential the pool used last
   */
  public record Stats(
      long queries,
      long logins,
      List<Failure> failedQueries,
      List<Failure> refusedLogins,
      List<Failure> failedLogins,
      String user) {

    /** From the first failed query or refused login to the last one; zero without any. */
    public Duration failureWindow() {
      List<Instant> all = new ArrayList<>();
      failedQueries.forEach(f -> all.add(f.at()));
      refusedLogins.forEach(f -> all.add(f.at()));
      if (all.isEmpty()) {
        return Duration.ZERO;
      }
      Collections.sort(all);
      return Duration.between(all.getFirst(), all.getLast());
    }
  }

  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong logins = new AtomicLong();
  private final List<Failure> failedQueries = Collections.synchronizedList(new ArrayList<>());
  private final List<Failure> refusedLogins = Collections.synchronizedList(new ArrayList<>());
  private final List<Failure> failedLogins = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private CurrentCredential credential;

  /**
   * A pool on the secret {@code secretId}: JDBC (HikariCP; PostgreSQL and MySQL/MariaDB drivers,
   * TLS verified against {@code caBundle}) or Redis (Lettuce). {@code query} is what the app runs:
   * SQL, or the Redis key it GETs.
   */
  public static PooledClient open(
      SecretsManagerClient secrets,
      String secretId,
      Path caBundle,
      String query,
      Duration refresh) {
    AppCredential first =
        AppCredential.parse(
            secrets
                .getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT"))
                .secretString());
    PooledClient client =
        first.redis()
            ? new RedisPooledClient(caBundle, query)
            : new JdbcPooledClient(caBundle, query);
    client.credential =
        new CurrentCredential(secrets, secretId, refresh, client::credentialChanged);
    client.connect(client.credential.get());
    return client;
  }

  /** Starts the load. */
  public void start(int workers, Duration churn) {
    running = true;
    for (int i = 0; i < workers; i++) {
      threads.add(Thread.ofPlatform().daemon().name("pooled-client-" + i).start(this::work));
    }
    threads.add(
        Thread.ofPlatform()
            .daemon()
            .name("pooled-client-churn")
            .start(() -> {
              while (running) {
                pause(churn);
                try {
                  churn();
                } catch (RuntimeException failedLogin) {
                  // recorded by the implementation; the next queries show its effect
                }
              }
            }));
  }

  /** Forgets the counts so far (e.g. those of the warm-up). */
  public void resetStats() {
    queries.set(0);
    logins.set(0);
    failedQueries.clear();
    refusedLogins.clear();
    failedLogins.clear();
  }

  /** Stops the load and reports it; the pool stays open until {@link #close()}. */
  public Stats stop() {
    running = false;
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
    return snapshot();
  }

  /** The counts so far, while the load goes on. */
  public Stats snapshot() {
    return new Stats(
        queries.get(),
        logins.get(),
        copy(failedQueries),
        copy(refusedLogins),
        copy(failedLogins),
        credential.get().username());
  }

  @Override
  public void close() {
    running = false;
    credential.close();
    disconnect();
  }

  /** Opens the pool with {@code first}. */
  protected abstract void connect(AppCredential first);

  /** New connections use {@code now} from here on. */
  protected abstract void credentialChanged(AppCredential now);

  /** Retires connections, so the pool logs in anew. */
  protected abstract void churn();

  /** One query through the pool. */
  protected abstract void query() throws Exception;

  protected abstract void disconnect();

  /** For implementations: a new connection was opened. */
  protected void loggedIn() {
    logins.incrementAndGet();
  }

  /**
   * For implementations: a login failed; {@code refused} when the server refused the credential.
   */
  protected void loginFailed(boolean refused, String reason) {
    (refused ? refusedLogins : failedLogins).add(new Failure(Instant.now(), reason));
  }

  private void work() {
    while (running) {
      try {
        query();
        queries.incrementAndGet();
      } catch (Exception failed) {
        failedQueries.add(new Failure(Instant.now(), reason(failed)));
        pause(Duration.ofMillis(5));
      }
    }
  }

  /** The exception's type and, for SQL errors, its state: never its message. */
  static String reason(Throwable e) {
    String reason = e.getClass().getSimpleName();
    if (e instanceof java.sql.SQLException sql) {
      reason += " " + sql.getSQLState() + "/" + sql.getErrorCode();
    }
    return e.getCause() == null || e.getCause() == e
        ? reason
        : reason + " <- " + reason(e.getCause());
  }

  private static List<Failure> copy(List<Failure> list) {
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
