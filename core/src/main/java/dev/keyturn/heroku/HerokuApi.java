package dev.keyturn.heroku;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.http.LazyHttpClient;
import dev.keyturn.json.Json;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The slice of the Heroku Platform API keyturn uses, over the JDK HttpClient. Config vars: a PATCH
 * merges, a {@code null} value deletes, and every PATCH makes exactly one release, so {@link
 * #patchConfigVars} makes sure a PATCH that may have been applied is never sent twice.
 */
public final class HerokuApi {

  /** Asks for the newest release only. */
  static final String LATEST_RELEASE_RANGE = "version ..; order=desc, max=1";

  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final HerokuTransport transport;
  private final RateLimitBudget budget;
  private final HerokuSettings settings;

  public HerokuApi(HerokuSettings settings, TokenProvider tokens) {
    this(settings, tokens, Clock.systemUTC(), RandomGenerator.getDefault());
  }

  public HerokuApi(
      HerokuSettings settings, TokenProvider tokens, Clock clock, RandomGenerator random) {
    this(httpClient(settings), settings, tokens, clock, random);
  }

  /**
   * Shares one HTTP client between several APIs (e.g. one per bearer token in rotation, where each
   * call authenticates with the credential being rotated).
   */
  public HerokuApi(
      HttpClient http,
      HerokuSettings settings,
      TokenProvider tokens,
      Clock clock,
      RandomGenerator random) {
    this.settings = settings;
    this.budget = new RateLimitBudget(clock, settings.rateLimitReserve());
    this.transport = new HerokuTransport(http, settings, tokens, budget, random);
  }

  /** The HTTP client settings Heroku calls need: HTTP/1.1 and the connect timeout. */
  public static HttpClient httpClient(HerokuSettings settings) {
    return builder(settings).build();
  }

  /**
   * As {@link #httpClient}, built on its first request ({@link LazyHttpClient}): for the functions'
   * beans, so a cold start whose request never calls Heroku does not build it.
   */
  public static HttpClient lazyHttpClient(HerokuSettings settings) {
    return LazyHttpClient.of(builder(settings));
  }

  private static HttpClient.Builder builder(HerokuSettings settings) {
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1);
  }

  /** {@code GET /apps/{app}/config-vars}. */
  public Map<String, String> configVars(String app) {
    String path = appPath(app) + "/config-vars";
    return stringMap(transport.send(HerokuTransport.Call.get(path, Map.of())), "GET", path);
  }

  /**
   * {@code PATCH /apps/{app}/config-vars} with only the given keys; a null value deletes the key.
   * When the PATCH may or may not have been applied (timeout, 5xx), reads the config vars back and
   * sends it again only if they do not show it, so one call makes at most one release.
   *
   * @return the app's config vars after the change
   */
  public Map<String, String> patchConfigVars(String app, Map<String, String> changes) {
    return patchConfigVars(app, changes, () -> {});
  }

  /**
   * As {@link #patchConfigVars(String, Map)}, running {@code beforeEachSend} before every PATCH it
   * sends (the first and a re-send after looking): a caller's fence, e.g. a lease renewal that
   * throws when the lease is no longer the caller's, so nothing is sent on a stale read.
   */
  public Map<String, String> patchConfigVars(
      String app, Map<String, String> changes, Runnable beforeEachSend) {
    String path = appPath(app) + "/config-vars";
    String body = Json.write(changes);
    for (int attempt = 1; ; attempt++) {
      try {
        beforeEachSend.run();
        HerokuTransport.Response r =
            transport.send(HerokuTransport.Call.change("PATCH", path, body));
        return stringMap(r, "PATCH", path);
      } catch (HerokuApiException e) {
        if (!e.unsettled() || attempt >= settings.retry().maxAttempts()) {
          throw e;
        }
        sleepBeforeLooking(attempt, e);
        Map<String, String> now = configVars(app);
        if (applied(now, changes)) {
          return now;
        }
      }
    }
  }

  /** True when every change is visible: set keys hold their value, deleted keys are absent. */
  static boolean applied(Map<String, String> current, Map<String, String> changes) {
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String value = change.getValue();
      boolean ok =
          value == null
              ? !current.containsKey(change.getKey())
              : Objects.equals(value, current.get(change.getKey()));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void sleepBeforeLooking(int attempt, HerokuApiException e) {
    try {
      Thread.sleep(settings.retry().delayAfter(attempt, RandomGenerator.getDefault()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** The newest release ({@code GET /apps/{app}/releases}, {@code Range: version ..}). */
  public Optional<Release> latestRelease(String app) {
    String path = appPath(app) + "/releases";
    HerokuTransport.Response r =
        transport.send(HerokuTransport.Call.get(path, Map.of("Range", LATEST_RELEASE_RANGE)));
    JsonNode list = tree(r, "GET", path);
    if (!list.isArray() || list.isEmpty()) {
      return Optional.empty();
    }
    JsonNode newest = list.get(0);
    for (JsonNode release : list) {
      if (release.path("version").asInt() > newest.path("version").asInt()) {
        newest = release;
      }
    }
    return Optional.of(release(newest));
  }

  /**
   * One release by id ({@code GET /apps/{app}/releases/{id}}): its status tells whether the release
   * phase (if any) succeeded and the dynos restart with the new config.
   */
  public Release release(String app, String releaseId) {
    String path = appPath(app) + "/releases/" + identity(releaseId);
    HerokuTransport.Response r = transport.send(HerokuTransport.Call.get(path, Map.of()));
    return release(tree(r, "GET", path));
  }

  private static Release release(JsonNode node) {
    return new Release(
        node.path("id").asText(), node.path("version").asInt(), node.path("status").asText(null));
  }

  /** {@code GET /apps/{app}/webhooks/{id}}: the subscription (never its secret). */
  public AppWebhook appWebhook(String app, String webhookId) {
    String path = appWebhookPath(app, webhookId);
    return appWebhook(transport.send(HerokuTransport.Call.get(path, Map.of())), "GET", path);
  }

  /**
   * {@code PATCH /apps/{app}/webhooks/{id}} with only {@code secret}: Heroku signs later
   * notifications with it. Setting the same secret again changes nothing, so a timeout or 5xx is
   * retried like a read.
   */
  public AppWebhook updateAppWebhookSecret(String app, String webhookId, String secret) {
    String path = appWebhookPath(app, webhookId);
    String body = Json.write(Map.of("secret", secret));
    HerokuTransport.Call call = new HerokuTransport.Call("PATCH", path, body, Map.of(), true);
    return appWebhook(transport.send(call), "PATCH", path);
  }

  private static String appWebhookPath(String app, String webhookId) {
    return appPath(app) + "/webhooks/" + identity(webhookId);
  }

  private static AppWebhook appWebhook(HerokuTransport.Response r, String method, String path) {
    JsonNode w = tree(r, method, path);
    return new AppWebhook(
        w.path("id").asText(), w.path("url").asText(null), w.path("updated_at").asText(null));
  }

  /** {@code GET /account}: whose token this is (also proves a token works). */
  public Account account() {
    HerokuTransport.Response r = transport.send(HerokuTransport.Call.get("/account", Map.of()));
    JsonNode a = tree(r, "GET", "/account");
    return new Account(a.path("id").asText(), a.path("email").asText(null));
  }

  /**
   * {@code POST /oauth/authorizations/{id}/actions/regenerate-tokens}. Not idempotent (a second
   * call revokes the first new token), so a timeout or 5xx is thrown as unsettled, never retried.
   */
  public OAuthAuthorization regenerateTokens(String authorizationId) {
    String path =
        "/oauth/authorizations/" + identity(authorizationId) + "/actions/regenerate-tokens";
    HerokuTransport.Response r = transport.send(HerokuTransport.Call.change("POST", path, "{}"));
    return withToken(r, "POST", path);
  }

  /** {@code GET /oauth/authorizations/{id}}: the authorization's description and scope. */
  public AuthorizationSummary authorization(String authorizationId) {
    String path = "/oauth/authorizations/" + identity(authorizationId);
    return summary(tree(transport.send(HerokuTransport.Call.get(path, Map.of())), "GET", path));
  }

  /** {@code GET /oauth/authorizations}: every authorization of the token's user. */
  public List<AuthorizationSummary> authorizations() {
    String path = "/oauth/authorizations";
    JsonNode list = tree(transport.send(HerokuTransport.Call.get(path, Map.of())), "GET", path);
    List<AuthorizationSummary> all = new ArrayList<>();
    list.forEach(a -> all.add(summary(a)));
    return List.copyOf(all);
  }

  /**
   * {@code POST /oauth/authorizations}: a new authorization of the token's user, with its own
   * access token. Not idempotent (a repeat makes a second authorization), so a timeout or 5xx is
   * thrown as unsettled, never retried; the description lets the caller find what it made.
   */
  public OAuthAuthorization createAuthorization(List<String> scope, String description) {
    String path = "/oauth/authorizations";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", scope);
    body.put("description", description);
    HerokuTransport.Response r =
        transport.send(HerokuTransport.Call.change("POST", path, Json.write(body)));
    return withToken(r, "POST", path);
  }

  /**
   * {@code DELETE /oauth/authorizations/{id}}: its access token stops working. A repeat finds
   * nothing to delete, so this one is retried on 5xx and timeouts like a read.
   *
   * @return true when this call deleted it, false when it was already gone (404)
   */
  public boolean deleteAuthorization(String authorizationId) {
    String path = "/oauth/authorizations/" + identity(authorizationId);
    try {
      transport.send(HerokuTransport.Call.idempotentChange("DELETE", path));
      return true;
    } catch (HerokuApiException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static AuthorizationSummary summary(JsonNode a) {
    List<String> scope = new ArrayList<>();
    a.path("scope").forEach(s -> scope.add(s.asText()));
    return new AuthorizationSummary(
        a.path("id").asText(), a.path("description").asText(null), List.copyOf(scope));
  }

  private static OAuthAuthorization withToken(
      HerokuTransport.Response r, String method, String path) {
    JsonNode a = tree(r, method, path);
    JsonNode access = a.path("access_token");
    Long expiresIn =
        access.path("expires_in").isNumber() ? access.path("expires_in").asLong() : null;
    String token = access.path("token").asText(null);
    if (token == null) {
      throw new HerokuApiException(
          r.status(), "invalid_response", "no access_token.token in response", method, path);
    }
    return new OAuthAuthorization(a.path("id").asText(), token, expiresIn);
  }

  /**
   * Throws {@link RateLimitLowException} when Heroku's last reported budget, less {@code calls}, is
   * below the reserve. Call before starting a unit of work that must not stop halfway.
   */
  public void ensureBudget(int calls) {
    budget.ensure(calls);
  }

  /** The last {@code RateLimit-Remaining} Heroku reported, if recent. */
  public OptionalInt rateLimitRemaining() {
    return budget.remaining();
  }

  private static String appPath(String app) {
    return "/apps/" + identity(app);
  }

  /** App names, ids and authorization ids only: nothing that could bend the path. */
  static String identity(String id) {
    if (id == null || !IDENTITY.matcher(id).matches()) {
      throw new IllegalArgumentException("not a Heroku identity: " + id);
    }
    return id;
  }

  private static Map<String, String> stringMap(
      HerokuTransport.Response r, String method, String path) {
    try {
      Map<String, String> map = Json.MAPPER.readValue(r.body(), STRING_MAP);
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    } catch (Exception e) {
      throw new HerokuApiException(
          r.status(), "invalid_response", "not a JSON object", method, path);
    }
  }

  private static JsonNode tree(HerokuTransport.Response r, String method, String path) {
    try {
      return Json.tree(r.body());
    } catch (Json.JsonException e) {
      throw new HerokuApiException(r.status(), "invalid_response", "not JSON", method, path);
    }
  }
}
