package dev.keyturn.testing.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy in front of AWS emulators that numbers every AWS call passing through it (across
 * all the emulators it fronts) and fails the call with a chosen number once. For code that cannot
 * be reached with an SDK interceptor (a shaded function jar in its own class loader): point its
 * {@code AWS_ENDPOINT_URL*} settings at {@link #endpoint(String)}.
 *
 * <ul>
 *   <li>{@link Mode#REFUSED}: answered at once with a 400 error in the call's protocol ({@code
 *       InjectedFault}), never forwarded; the SDK does not retry it, so the caller sees the
 *       failure.
 *   <li>{@link Mode#ANSWER_LOST}: forwarded and applied by the emulator, then the connection is
 *       dropped without an answer; the SDK retries it, as it would after a network failure.
 * </ul>
 *
 * Calls are named {@code <signing service>.<Operation>} ({@code secretsmanager.PutSecretValue},
 * {@code iam.CreateAccessKey}), from the SigV4 credential scope and the JSON target or query {@code
 * Action}. Bodies are never logged or kept.
 */
public final class AwsFaultProxy implements AutoCloseable {

  /** How the chosen call fails. */
  public enum Mode {
    REFUSED,
    ANSWER_LOST
  }

  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
  private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([^&]+)");
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private int failAt;
  private Mode mode;
  private String failed;

  private AwsFaultProxy() {}

  /** A proxy with no emulators yet; add each with {@link #front}. */
  public static AwsFaultProxy start() {
    return new AwsFaultProxy();
  }

  /** Listens on a free loopback port, forwarding to {@code target}; returns this proxy. */
  public AwsFaultProxy front(String name, URI target) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the proxy", e);
    }
    server.setExecutor(threads);
    server.createContext("/", exchange -> handle(exchange, target));
    server.start();
    servers.add(server);
    names.add(name);
    return this;
  }

  /** Where clients reach the emulator added under {@code name}. */
  public URI endpoint(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no emulator named " + name);
    }
    return URI.create("http://127.0.0.1:" + servers.get(i).getAddress().getPort());
  }

  /** Forgets the calls seen and any planned fault; numbering starts again at 1. */
  public synchronized void reset() {
    calls.clear();
    failAt = 0;
    mode = null;
    failed = null;
  }

  /** The {@code n}-th call from the last {@link #reset} (1-based) fails once, as {@code mode}. */
  public synchronized void failAt(int n, Mode how) {
    if (n < 1) {
      throw new IllegalArgumentException("calls count from 1: " + n);
    }
    failAt = n;
    mode = how;
    failed = null;
  }

  /** Every call since the last reset, in arrival order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The call the planned fault hit, or null when it has not struck (yet). */
  public synchronized String failedCall() {
    return failed;
  }

  private synchronized Mode count(String call) {
    calls.add(call);
    if (failAt == calls.size()) {
      failed = call;
      return mode;
    }
    return null;
  }

  private void handle(HttpExchange exchange, URI target) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String service = service(exchange);
      String call = service + "." + operation(exchange, body);
      Mode fault = count(call);
      if (fault == Mode.REFUSED) {
        refuse(exchange, service);
        return;
      }
      HttpResponse<byte[]> answer = forward(exchange, target, body);
      if (fault == Mode.ANSWER_LOST) {
        return; // closing without a response drops the connection: the answer never arrives
      }
      reply(exchange, answer);
    } catch (IOException clientGone) {
      // nobody is waiting for this answer any more
    }
  }

  private static String service(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher m = SCOPE.matcher(authorization == null ? "" : authorization);
    return m.find() ? m.group(1) : "unknown";
  }

  private static String operation(HttpExchange exchange, byte[] body) {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target != null) {
      return target.substring(target.lastIndexOf('.') + 1);
    }
    Matcher m = ACTION.matcher(new String(body, StandardCharsets.UTF_8));
    if (m.find()) {
      return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
    return exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
  }

  /** A client error in the service's protocol: JSON for JSON services, XML for query ones. */
  private static void refuse(HttpExchange exchange, String service) throws IOException {
    boolean query = service.equals("iam") || service.equals("sts");
    String message = "injected by the fault proxy";
    String body =
        query
            ? "<ErrorResponse><Error><Type>Sender</Type><Code>InjectedFault</Code><Message>"
                + message
                + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>"
            : "{\"__type\":\"InjectedFault\",\"message\":\"" + message + "\"}";
    exchange
        .getResponseHeaders()
        .set("Content-Type", query ? "text/xml" : "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fault-proxy");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(400, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, URI target, byte[] body)
      throws IOException {
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

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    threads.shutdownNow();
    http.close();
  }
}
