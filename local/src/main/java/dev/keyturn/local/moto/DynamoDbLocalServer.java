package dev.keyturn.local.moto;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import dev.keyturn.local.EmulatorStartException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * DynamoDB Local 2.6.1 running in this JVM, in memory, on 127.0.0.1.
 *
 * <p>Why not {@code ServerRunner -inMemory -port p -disableTelemetry}: its Jetty server binds every
 * interface and offers no host option. We wire the same request handler into a Jetty server of our
 * own that listens on loopback only, on a port the OS picks (no race for a "free" port). Telemetry
 * is never configured on this path (only {@code ServerRunner} and {@code DynamoDBProxyServer} touch
 * it), so nothing is sent and no metadata file is written. The sqlite4java natives are bundled in
 * the DynamoDBLocal jar and extracted by its own {@code SQLiteLibraryLoader} to {@code
 * java.io.tmpdir}, which also works from a shaded jar as long as the shade keeps the {@code
 * .../sqlite/native/**} resources. JDK 22+ warns once when that loader calls {@code System.load}
 * unless the JVM runs with {@code --enable-native-access=ALL-UNNAMED} (a shaded jar: manifest entry
 * {@code Enable-Native-Access: ALL-UNNAMED}).
 */
final class DynamoDbLocalServer implements AutoCloseable {

  static final String NAME = "DynamoDB Local";
  // the authority level ServerRunner uses for its request handler
  private static final int AUTHORITY_LEVEL = 0;

  private static final Duration STRAGGLER_JOIN = Duration.ofSeconds(2);
  // sqlite4java warns "unknown jar version" through JUL on every start; JUL holds loggers
  // weakly, so the quieted logger is pinned here
  private static final java.util.logging.Logger SQLITE_LOG = quietSqlite4java();

  private final Server jetty;
  private final LocalDynamoDBServerHandler handler;
  private final ThreadGroup threads;
  private final URI endpoint;

  private DynamoDbLocalServer(
      Server jetty, LocalDynamoDBServerHandler handler, ThreadGroup threads, URI endpoint) {
    this.jetty = jetty;
    this.handler = handler;
    this.threads = threads;
    this.endpoint = endpoint;
  }

  /**
   * Starts from a thread of a group of its own, so every thread DynamoDB Local creates lands in
   * that group: some (the Streams shard-rollover job) are non-daemon and sleep for minutes past
   * shutdown, and {@link #close()} has to find and interrupt them.
   */
  static DynamoDbLocalServer start() {
    ThreadGroup threads = new ThreadGroup("dynamodb-local");
    FutureTask<DynamoDbLocalServer> starting = new FutureTask<>(() -> startIn(threads));
    Thread starter = new Thread(threads, starting, "dynamodb-local-start");
    starter.setDaemon(true);
    starter.start();
    try {
      return starting.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EmulatorStartException failure
          ? failure
          : new EmulatorStartException(NAME, "did not start", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException(NAME, "interrupted while starting", e);
    }
  }

  private static DynamoDbLocalServer startIn(ThreadGroup threads) {
    try {
      // in memory, no db file, one database for every credential and region (sharedDb), so
      // any client configuration sees the same tables
      var requests = new LocalDynamoDBRequestHandler(AUTHORITY_LEVEL, true, null, true, false);
      var handler = new LocalDynamoDBServerHandler(requests, null);
      Server jetty =
          new Server(
              daemonPool(threads), new ScheduledExecutorScheduler(NAME, true, null, threads), null);
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost(FreePorts.LOOPBACK);
      connector.setPort(0);
      jetty.addConnector(connector);
      jetty.setHandler(new ContextHandler(handler, "/"));
      jetty.start();
      URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + connector.getLocalPort());
      return new DynamoDbLocalServer(jetty, handler, threads, endpoint);
    } catch (Exception e) {
      throw new EmulatorStartException(NAME, "did not start", e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  /** Threads DynamoDB Local still runs; none after {@link #close()}. */
  int liveThreads() {
    Thread[] alive = new Thread[threads.activeCount() + 16];
    return threads.enumerate(alive, true);
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new EmulatorStartException(NAME, "did not stop cleanly", e);
    } finally {
      handler.close();
      interruptStragglers();
    }
  }

  private void interruptStragglers() {
    Thread[] alive = new Thread[threads.activeCount() + 16];
    int count = threads.enumerate(alive, true);
    for (int i = 0; i < count; i++) {
      if (alive[i] != Thread.currentThread()) {
        alive[i].interrupt();
      }
    }
    for (int i = 0; i < count; i++) {
      try {
        alive[i].join(STRAGGLER_JOIN);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  // daemon threads: a demo that forgets close() must not keep the JVM alive
  private static QueuedThreadPool daemonPool(ThreadGroup threads) {
    QueuedThreadPool pool = new QueuedThreadPool(32, 2, 60_000, -1, null, threads);
    pool.setDaemon(true);
    pool.setName("dynamodb-local");
    return pool;
  }

  private static java.util.logging.Logger quietSqlite4java() {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("com.almworks.sqlite4java");
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }
}
