package dev.keyturn.testing.heroku;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A local stand-in for the parts of the Heroku Platform API keyturn uses, on 127.0.0.1 and a free
 * port. Every request and every answer is checked against Heroku's own hyper-schema; departures are
 * recorded as {@link ContractViolation}s (and requests that break the contract are answered {@code
 * 400 contract_violation}).
 *
 * <p>Point the production client at {@link #baseUrl()} (HEROKU_API_URL) and authenticate with
 * {@link #defaultToken()}. Thread-safe; requests are served concurrently on virtual threads, so a
 * delayed request does not hold up others.
 */
public final class HerokuStandIn implements AutoCloseable {

  private final HerokuState state;
  private final RequestControls controls = new RequestControls();
  private final RequestLog log = new RequestLog();
  private final ContractViolations violations = new ContractViolations();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  private HerokuStandIn() throws IOException {
    HerokuApiSchema schema = HerokuApiSchema.shared();
    this.state = new HerokuState(HerokuUser.operator(), HerokuState.newToken());
    Operations operations = new Operations(state, HerokuState.now());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/", new StandInHandler(schema, state, operations, controls, log, violations));
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a stand-in with one user, its {@link #defaultToken()}, no apps, a full budget. */
  public static HerokuStandIn start() {
    try {
      return new HerokuStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the Heroku stand-in to 127.0.0.1", e);
    }
  }

  /** Stops serving; requests still held by a delay are abandoned. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}; the client's HEROKU_API_URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Forgets apps, authorizations, extra tokens, requests, violations and faults, and refills the
   * budget. The user and {@link #defaultToken()} stay, so configured clients keep working.
   */
  public void reset() {
    state.reset();
    controls.reset();
    log.clear();
    violations.clear();
  }

  // --- identity -------------------------------------------------------------------------------

  /** A valid API token for {@link #user()}. */
  public String defaultToken() {
    return state.operatorToken();
  }

  /** The account every token authenticates as. */
  public HerokuUser user() {
    return state.operator();
  }

  /** Makes another token valid for {@link #user()}. */
  public void registerToken(String token) {
    state.registerToken(Objects.requireNonNull(token, "token"), state.operator());
  }

  /** Makes a token invalid; requests with it get {@code 401 unauthorized}. */
  public void revokeToken(String token) {
    state.revokeToken(token);
  }

  // --- apps -----------------------------------------------------------------------------------

  /** Creates an app without config vars; it starts at release v1 "Initial release". */
  public HerokuApp createApp(String name) {
    return createApp(name, Map.of());
  }

  /** Creates an app whose release v1 "Initial release" already has these config vars. */
  public HerokuApp createApp(String name, Map<String, String> configVars) {
    return state.createApp(name, configVars);
  }

  /**
   * The app's current config vars. Mind that assertion libraries print map values on failure;
   * compare secrets with {@link #hasConfigVar} instead.
   */
  public Map<String, String> configVars(String app) {
    return onApp(app, () -> state.configVars(app));
  }

  /** Whether the app's config var currently has exactly this value; prints nothing. */
  public boolean hasConfigVar(String app, String name, String expectedValue) {
    return Objects.equals(configVars(app).get(name), expectedValue);
  }

  /** The config vars as of a release version. */
  public Map<String, String> configVarsAt(String app, int version) {
    return onApp(app, () -> state.configVarsAt(app, String.valueOf(version)))
        .orElseThrow(() -> new IllegalArgumentException("no release v" + version + " of " + app));
  }

  /** Every release of the app, oldest (v1) first. */
  public List<Release> releases(String app) {
    return onApp(app, () -> state.releases(app));
  }

  private static <T> T onApp(String app, Supplier<T> read) {
    try {
      return read.get();
    } catch (ApiProblem notFound) {
      throw new IllegalArgumentException("no app named " + app);
    }
  }

  // --- OAuth authorizations ---------------------------------------------------------------------

  /** Seeds an authorization for {@link #user()}; its access token authenticates immediately. */
  public OAuthAuthorization seedAuthorization(String description) {
    return state.createAuthorization(description, List.of("global"), state.operator());
  }

  /** Every authorization of {@link #user()} that exists now, oldest first. */
  public List<OAuthAuthorization> authorizations() {
    return state.authorizations(state.operator());
  }

  /** Whether the authorization exists (it is gone once deleted). */
  public boolean hasAuthorization(UUID id) {
    return state.authorization(id).isPresent();
  }

  /** Whether a request with this token would authenticate; prints nothing. */
  public boolean authenticates(String token) {
    return state.userForToken(token).isPresent();
  }

  /** The authorization as it is now (its token changes when regenerated). */
  public OAuthAuthorization authorization(UUID id) {
    return state
        .authorization(id)
        .orElseThrow(() -> new IllegalArgumentException("no authorization " + id));
  }

  /** The access token that currently authenticates for the authorization. */
  public String currentAccessToken(UUID authorizationId) {
    return authorization(authorizationId).accessToken();
  }

  // --- rate limit and faults ---------------------------------------------------------------------

  /** Sets how many more requests are allowed before {@code 429 rate_limit}; default 4500. */
  public void setRateLimitBudget(int requests) {
    controls.setBudget(requests);
  }

  /** What the next answer's RateLimit-Remaining header says before counting that request. */
  public int rateLimitRemaining() {
    return controls.remaining();
  }

  /** The next {@code times} requests get {@code 429 rate_limit} regardless of the budget. */
  public void rateLimitNext(int times) {
    controls.enqueue(times, new RequestControls.RateLimited());
  }

  /** The next {@code times} requests fail with this 5xx status and change nothing. */
  public void failNext(int times, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("failNext injects server errors (5xx), not " + status);
    }
    controls.enqueue(times, new RequestControls.Failure(status));
  }

  /**
   * The {@code n}-th request from now (1 = the next) fails with this 5xx status and changes
   * nothing; the ones before it are served normally. For "fail at call k" loops.
   */
  public void failNth(int n, int status) {
    if (n < 1) {
      throw new IllegalArgumentException("n counts from 1: " + n);
    }
    controls.enqueue(n - 1, new RequestControls.Pass());
    failNext(1, status);
  }

  /**
   * The {@code n}-th request from now (1 = the next) is answered only after {@code delay}, with or
   * without its effect; the ones before it are served normally.
   */
  public void delayNth(int n, Duration delay, DelayedEffect effect) {
    if (n < 1) {
      throw new IllegalArgumentException("n counts from 1: " + n);
    }
    controls.enqueue(n - 1, new RequestControls.Pass());
    delayNext(1, delay, effect);
  }

  /**
   * The next {@code times} requests are answered only after {@code delay}, with their effect
   * applied first (see {@link DelayedEffect#APPLIED}); use it to provoke client timeouts.
   */
  public void delayNext(int times, Duration delay) {
    delayNext(times, delay, DelayedEffect.APPLIED);
  }

  /** As {@link #delayNext(int, Duration)}, choosing whether the delayed requests take effect. */
  public void delayNext(int times, Duration delay, DelayedEffect effect) {
    controls.enqueue(times, new RequestControls.Delay(delay, effect));
  }

  /**
   * Faults apply, first in first out, to requests that pass the contract checks, authentication and
   * the budget; this many are still waiting.
   */
  public int pendingFaults() {
    return controls.pendingFaults();
  }

  // --- observation ----------------------------------------------------------------------------

  /** Every request answered so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return log.all();
  }

  /** How many requests had this method and exactly this path (no query). */
  public long count(String method, String path) {
    return log.count(method, path);
  }

  /** Every contract violation recorded since the start or the last clear. */
  public List<ContractViolation> contractViolations() {
    return violations.all();
  }

  /** Forgets recorded violations, e.g. after a test that provoked them on purpose. */
  public void clearContractViolations() {
    violations.clear();
  }

  /** Throws an AssertionError listing every recorded contract violation. */
  public void assertNoContractViolations() {
    violations.assertNone();
  }
}
