package dev.keyturn.testing.cloudflare;

import com.sun.net.httpserver.HttpServer;
import dev.keyturn.testing.heroku.ContractViolation;
import dev.keyturn.testing.heroku.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Cloudflare's Workers secrets API ({@code /client/v4}), on 127.0.0.1 and a
 * free port: list, put ({@code {name, text, type: "secret_text"}}) and delete the secrets of a
 * script. It enforces the v4 envelope on every answer, {@code Authorization: Bearer}, JSON bodies
 * of exactly the documented shape, and records departures as {@link ContractViolation}s. Faults:
 * 429 with {@code Retry-After}, 5xx. Point the client at {@link #baseUrl()} ({@code
 * CLOUDFLARE_API_URL}) with {@link #defaultToken()}.
 */
public final class CloudflareStandIn implements AutoCloseable {

  private final CloudflareState state = new CloudflareState();
  private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  private CloudflareStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", new CloudflareHandler(state, log::add, violations::add));
    server.setExecutor(executor);
    server.start();
  }

  public static CloudflareStandIn start() {
    try {
      return new CloudflareStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the Cloudflare stand-in", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The API root, {@code http://127.0.0.1:<port>/client/v4}: the client's CLOUDFLARE_API_URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
  }

  public String defaultToken() {
    return state.defaultToken;
  }

  public void registerToken(String token) {
    state.tokens.add(token);
  }

  public void revokeToken(String token) {
    state.tokens.remove(token);
  }

  /** Forgets scripts, extra tokens, faults, requests and violations. */
  public void reset() {
    state.reset();
    log.clear();
    violations.clear();
  }

  public void createScript(String account, String script) {
    state.workers.computeIfAbsent(account + "/" + script, k -> new Worker());
  }

  public Optional<String> secretValue(String account, String script, String name) {
    return Optional.ofNullable(worker(account, script).secrets().get(name));
  }

  public boolean hasSecret(String account, String script, String name, String value) {
    return secretValue(account, script, name).map(value::equals).orElse(false);
  }

  public List<String> secretNames(String account, String script) {
    return worker(account, script).secrets().keySet().stream().sorted().toList();
  }

  /** Versions the script has had: each secret set or deleted deploys a new one. */
  public int versions(String account, String script) {
    return worker(account, script).versions();
  }

  /** Someone else (wrangler, the dashboard) sets or deletes a secret. */
  public void setSecretByHand(String account, String script, String name, String value) {
    worker(account, script).put(name, value);
  }

  public void deleteSecretByHand(String account, String script, String name) {
    worker(account, script).delete(name);
  }

  private Worker worker(String account, String script) {
    Worker w = state.workers.get(account + "/" + script);
    if (w == null) {
      throw new IllegalArgumentException("no script " + account + "/" + script);
    }
    return w;
  }

  /** The next {@code times} requests get 429 with this {@code Retry-After}. */
  public void rateLimitNext(int times, int retryAfterSeconds) {
    state.enqueue(times, new CloudflareState.Limited(retryAfterSeconds));
  }

  /** The next {@code times} requests fail with this 5xx status and change nothing. */
  public void failNext(int times, int status) {
    state.enqueue(times, new CloudflareState.Failure(status));
  }

  /** The next {@code times} requests are answered normally (to place a later fault). */
  public void passNext(int times) {
    state.enqueue(times, new CloudflareState.Pass());
  }

  public int pendingFaults() {
    return state.pendingFaults();
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(log);
  }

  public long count(String method, String path) {
    return log.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path))
        .count();
  }

  public List<ContractViolation> contractViolations() {
    return List.copyOf(violations);
  }

  public void clearContractViolations() {
    violations.clear();
  }

  public void assertNoContractViolations() {
    if (!violations.isEmpty()) {
      throw new AssertionError("Cloudflare contract violations: " + violations);
    }
  }
}
