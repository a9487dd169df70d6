package dev.keyturn.testing.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP proxy in front of an emulator that forwards every request and, for chosen operations,
 * holds the emulator's answer back until after the client has given up. The client's SDK then
 * retries a request the emulator has already applied: the "timed out, but it happened" case a busy
 * machine or network produces, made repeatable.
 *
 * <p>Operations are named as AWS JSON protocols name them in {@code X-Amz-Target} after the dot
 * ({@code CreateSecret}, {@code PutParameter}, {@code PutItem}, ...). Request and response bodies
 * pass through untouched and are never logged.
 */
public final class LateAnswerProxy implements AutoCloseable {

  /** The attempt timeout of clients built by {@link #route}: a late answer comes well after it. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  /** How long {@link #answerLateOnce} holds an answer back. */
  public static final Duration LATE = ATTEMPT_TIMEOUT.multipliedBy(2);

  private static final String TARGET_HEADER = "X-Amz-Target";
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI target;
  private final Map<String, AtomicInteger> lateLeft = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> forwarded = new ConcurrentHashMap<>();
  private volatile Duration delay = Duration.ZERO;

  private LateAnswerProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the proxy", e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy on a free loopback port forwarding to {@code target} (scheme, host and port). */
  public static LateAnswerProxy start(URI target) {
    return new LateAnswerProxy(target);
  }

  /** Where clients send their requests instead of the emulator. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Points an SDK client builder at this proxy, with an attempt timeout a late answer exceeds and a
   * call timeout that leaves room for the SDK's retries. Region and credentials come from the usual
   * settings.
   */
  public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B route(B builder) {
    return builder
        .endpointOverride(endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(Duration.ofSeconds(30)));
  }

  /** The next request for {@code operation} is applied, but answered only after {@link #LATE}. */
  public void answerLateOnce(String operation) {
    answerLate(operation, 1, LATE);
  }

  /**
   * The next {@code times} requests for {@code operation} are forwarded at once, but their answers
   * are held back for {@code after} (longer than the client's attempt timeout).
   */
  public void answerLate(String operation, int times, Duration after) {
    delay = after;
    lateLeft.computeIfAbsent(operation, o -> new AtomicInteger()).set(times);
  }

  /** How many requests for {@code operation} reached the emulator. */
  public int forwarded(String operation) {
    AtomicInteger n = forwarded.get(operation);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String operation = operation(exchange);
      HttpResponse<byte[]> answer = forward(exchange, body);
      forwarded.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
      if (takeLate(operation)) {
        sleep(delay); // the emulator has applied it; the client times out meanwhile
      }
      reply(exchange, answer);
    } catch (IOException clientGone) {
      // the client stopped waiting for a late answer: that is the point
    }
  }

  private boolean takeLate(String operation) {
    AtomicInteger left = lateLeft.get(operation);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.toString() + exchange.getRequestURI()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> {
          if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(v -> request.header(name, v));
          }
        });
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
  }

  private static void reply(HttpExchange exchange, HttpResponse<byte[]> answer) throws IOException {
    answer
        .headers()
        .map()
        .forEach((name, values) -> {
          if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
            exchange.getResponseHeaders().put(name, List.copyOf(values));
          }
        });
    byte[] body = answer.body();
    exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String operation(HttpExchange exchange) {
    String target = exchange.getRequestHeaders().getFirst(TARGET_HEADER);
    if (target == null) {
      return exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    }
    return target.substring(target.lastIndexOf('.') + 1);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    http.close();
  }
}
