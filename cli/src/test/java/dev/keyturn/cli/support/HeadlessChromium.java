package dev.keyturn.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian package {@code chromium}) driven over the DevTools protocol with
 * the JDK's WebSocket: a fresh, empty profile per instance, no network on its own, loopback only.
 * Loads a page, evaluates JavaScript in it, and takes screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(Process process, Path profile, WebSocket socket, Listener listener) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
    listener.owner = this;
  }

  public static HeadlessChromium start() throws Exception {
    String binary = binary();
    Path profile = Files.createTempDirectory("keyturn-chromium-profile");
    Path log = Files.createTempFile("keyturn-chromium", ".log");
    Process process =
        new ProcessBuilder(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int port = port(profile, process, log);
    HttpClient http = HttpClient.newHttpClient();
    String targets =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String page = null;
    for (JsonNode t : Json.tree(targets)) {
      if ("page".equals(t.path("type").asText())) {
        page = t.path("webSocketDebuggerUrl").asText();
      }
    }
    if (page == null) {
      throw new IllegalStateException("chromium offers no page target");
    }
    Listener listener = new Listener();
    WebSocket socket =
        http.newWebSocketBuilder().buildAsync(URI.create(page), listener).get(30, TimeUnit.SECONDS);
    return new HeadlessChromium(process, profile, socket, listener);
  }

  private static String binary() {
    for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no chromium: install it (apt-get update && apt-get install -y chromium; bin/test does)");
  }

  /** Chromium writes the port it chose into the profile's DevToolsActivePort. */
  private static int port(Path profile, Process process, Path log) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        String first = Files.readString(file).lines().findFirst().orElse("");
        if (!first.isBlank()) {
          return Integer.parseInt(first.strip());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("chromium did not open its DevTools port");
  }

  /** Opens a URL and waits until the document has loaded. */
  public void open(URI url) throws Exception {
    call("Page.enable", Map.of());
    call("Page.navigate", Map.of("url", url.toString()));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode state = evaluate("document.readyState + '|' + location.href");
      if (state.asText().startsWith("complete|" + url.toString().substring(0, 7))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the page did not load: " + url);
  }

  /** The value of a JavaScript expression (JSON-serialisable). */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A PNG of the whole page at the given width. */
  public void screenshot(Path file, int width) throws Exception {
    int height = evaluate("document.documentElement.scrollHeight").asInt();
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", Json.MAPPER.valueToTree(params));
    socket.sendText(Json.MAPPER.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private void received(String text) {
    JsonNode message = Json.tree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    }
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> all = Files.walk(profile)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a profile file still being removed by the exiting browser: the temp dir is left behind
    }
  }

  /** Collects text frames (a message may come in parts) and hands each message over. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (owner != null) {
          owner.received(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
