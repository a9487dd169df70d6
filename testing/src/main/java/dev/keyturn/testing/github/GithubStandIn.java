package dev.keyturn.testing.github;

import com.sun.net.httpserver.HttpServer;
import dev.keyturn.testing.heroku.ContractViolation;
import dev.keyturn.testing.heroku.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local stand-in for the GitHub REST API paths keyturn uses (Actions secrets of repositories and
 * environments, environments, repository webhooks), on 127.0.0.1 and a free port. Every request and
 * every answer is checked against GitHub's published OpenAPI description; departures are recorded
 * as {@link ContractViolation}s. Each repository and environment has its own key pair: a PUT's
 * sealed box is opened with libsodium, so a test sees the value that arrived.
 *
 * <p>Point the client at {@link #baseUrl()} ({@code GITHUB_API_URL}) with {@link #defaultToken()}.
 * Rate limits: every answer has {@code x-ratelimit-*}; {@link #setRateLimitRemaining} and {@link
 * #secondaryLimitNext} provoke GitHub's primary and secondary limits, {@link #failNext} 5xx.
 */
public final class GithubStandIn implements AutoCloseable {

  private final GithubState state;
  private final GithubControls controls;
  private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  private GithubStandIn(Clock clock) throws IOException {
    Libsodium.load(); // fail here, naming the package, when libsodium is missing
    this.state = new GithubState(clock);
    this.controls = new GithubControls(clock);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    GithubOperations operations = new GithubOperations(state, baseUrl().toString());
    server.createContext(
        "/",
        new GithubHandler(
            GithubContract.shared(), state, operations, controls, log::add, violations::add));
    server.setExecutor(executor);
    server.start();
  }

  public static GithubStandIn start() {
    return start(Clock.systemUTC());
  }

  /** With a clock of the test's (secret timestamps, rate-limit reset). */
  public static GithubStandIn start(Clock clock) {
    try {
      return new GithubStandIn(clock);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the GitHub stand-in to 127.0.0.1", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}: the client's GITHUB_API_URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Forgets repositories, extra tokens, requests, violations and faults; refills the budget. */
  public void reset() {
    state.reset();
    controls.reset();
    log.clear();
    violations.clear();
  }

  // --- identity --------------------------------------------------------------------------------

  public String defaultToken() {
    return state.defaultToken();
  }

  public void registerToken(String token) {
    state.registerToken(Objects.requireNonNull(token));
  }

  public void revokeToken(String token) {
    state.revokeToken(token);
  }

  // --- repositories, environments, secrets ---------------------------------------------------

  /** Creates a repository {@code owner/name} (its own key pair, no secrets). */
  public void createRepo(String fullName) {
    state.createRepo(fullName);
  }

  /** Creates an environment of a repository (created first if needed). */
  public void createEnvironment(String fullName, String environment) {
    state.createEnvironment(state.createRepo(fullName), environment);
  }

  /** The decrypted value of a secret ({@code environment} null: the repository's). */
  public Optional<String> secretValue(String fullName, String environment, String name) {
    return store(fullName, environment).get(name).map(SecretStore.Secret::value);
  }

  /** Whether the secret holds exactly this value; prints nothing. */
  public boolean hasSecret(String fullName, String environment, String name, String value) {
    return secretValue(fullName, environment, name).map(value::equals).orElse(false);
  }

  /** The secret names, as GitHub lists them (upper case, sorted). */
  public List<String> secretNames(String fullName, String environment) {
    return store(fullName, environment).all().keySet().stream().sorted().toList();
  }

  public Optional<Instant> secretUpdatedAt(String fullName, String environment, String name) {
    return store(fullName, environment).get(name).map(SecretStore.Secret::updatedAt);
  }

  /** Someone else sets a secret (the web UI, another tool): its updated_at moves to now. */
  public void setSecretByHand(String fullName, String environment, String name, String value) {
    store(fullName, environment).put(name, value, state.now());
  }

  /** Someone else deletes a secret. */
  public void deleteSecretByHand(String fullName, String environment, String name) {
    store(fullName, environment).delete(name);
  }

  /** GitHub rotated the repository's or environment's key pair: old key ids stop working. */
  public void rotatePublicKey(String fullName, String environment) {
    store(fullName, environment).rotateKey();
  }

  /** The signing secret of a repository webhook (write-only through the API). */
  public Optional<String> hookSecret(String fullName, long hookId) {
    String[] parts = fullName.split("/", 2);
    return state.repo(parts[0], parts[1]).map(r -> r.hooks.get(hookId)).map(GithubHooks::secret);
  }

  private SecretStore store(String fullName, String environment) {
    String[] parts = fullName.split("/", 2);
    GithubState.Repo repo =
        state
            .repo(parts[0], parts[1])
            .orElseThrow(() -> new IllegalArgumentException("no repository " + fullName));
    if (environment == null) {
      return repo.secrets;
    }
    return state
        .environment(repo, environment)
        .orElseThrow(() -> new IllegalArgumentException("no environment " + environment))
        .secrets();
  }

  // --- rate limits and faults ------------------------------------------------------------------

  /** Requests left in the hour before 403 "API rate limit exceeded" (default 5000). */
  public void setRateLimitRemaining(int requests) {
    controls.setRemaining(requests);
  }

  public int rateLimitRemaining() {
    return controls.remaining();
  }

  /** The next {@code times} requests hit a secondary limit: {@code status} 403 or 429. */
  public void secondaryLimitNext(int times, int status, int retryAfterSeconds) {
    if (status != 403 && status != 429) {
      throw new IllegalArgumentException("GitHub's secondary limits answer 403 or 429");
    }
    controls.enqueue(times, new GithubControls.SecondaryLimit(status, retryAfterSeconds));
  }

  /** The next {@code times} requests fail with this 5xx status and change nothing. */
  public void failNext(int times, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("failNext injects server errors (5xx), not " + status);
    }
    controls.enqueue(times, new GithubControls.ServerError(status));
  }

  /**
   * The next {@code times} requests are answered normally, so faults queued after hit later ones.
   */
  public void passNext(int times) {
    controls.enqueue(times, new GithubControls.Pass());
  }

  public int pendingFaults() {
    return controls.pendingFaults();
  }

  // --- observation -----------------------------------------------------------------------------

  public List<RecordedRequest> requests() {
    return List.copyOf(log);
  }

  /** Requests with this method and exactly this raw path (no query). */
  public long count(String method, String path) {
    return log.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path))
        .count();
  }

  /** Requests with this method whose raw path starts with {@code prefix}. */
  public long countUnder(String method, String prefix) {
    return log.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(prefix))
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
      throw new AssertionError(
          "GitHub contract violations ("
              + violations.size()
              + "):\n"
              + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n")));
    }
  }
}
