package dev.keyturn.testing.aws;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
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
 * .../sqlite/native/**} resources.
 */
final class DynamoDbLocalServer implements AutoCloseable {

  static final String NAME = "DynamoDB Local";
  // the authority level ServerRunner uses for its request handler
  private static final int AUTHORITY_LEVEL = 0;

  private final Server jetty;
  private final LocalDynamoDBServerHandler handler;
  private final URI endpoint;

  private DynamoDbLocalServer(Server jetty, LocalDynamoDBServerHandler handler, URI endpoint) {
    this.jetty = jetty;
    this.handler = handler;
    this.endpoint = endpoint;
  }

  static DynamoDbLocalServer start() {
    try {
      // in memory, no db file, one database for every credential and region (sharedDb), so
      // any client configuration sees the same tables
      var requests = new LocalDynamoDBRequestHandler(AUTHORITY_LEVEL, true, null, true, false);
      var handler = new LocalDynamoDBServerHandler(requests, null);
      Server jetty = new Server(daemonThreads(), new ScheduledExecutorScheduler(NAME, true), null);
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost(FreePorts.LOOPBACK);
      connector.setPort(0);
      jetty.addConnector(connector);
      jetty.setHandler(new ContextHandler(handler, "/"));
      jetty.start();
      URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + connector.getLocalPort());
      return new DynamoDbLocalServer(jetty, handler, endpoint);
    } catch (Exception e) {
      throw new EmulatorStartException(NAME, "did not start", e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new EmulatorStartException(NAME, "did not stop cleanly", e);
    } finally {
      handler.close();
    }
  }

  // daemon threads: a demo that forgets close() must not keep the JVM alive
  private static QueuedThreadPool daemonThreads() {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setDaemon(true);
    threads.setName("dynamodb-local");
    return threads;
  }
}
