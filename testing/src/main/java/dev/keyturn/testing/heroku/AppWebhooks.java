package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * App webhook subscriptions ({@code app-webhook} Create, Info, List, Update, Delete). Heroku signs
 * notifications with the subscription's {@code secret}; the API accepts it on create and update but
 * never returns it, so tests read it through {@link HerokuStandIn#appWebhookSecret}.
 */
final class AppWebhooks {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One subscription; the secret is write-only through the API. */
  private static final class Subscription {
    private final UUID id;
    private final HerokuApp app;
    private final Instant createdAt;
    private String url;
    private String level;
    private List<String> include;
    private String secret;
    private Instant updatedAt;

    private Subscription(UUID id, HerokuApp app, Instant createdAt) {
      this.id = id;
      this.app = app;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  private final HerokuState state;
  private final Map<UUID, Subscription> subscriptions = new LinkedHashMap<>();

  AppWebhooks(HerokuState state) {
    this.state = state;
  }

  /** Serves the link when it is an app-webhook operation; empty otherwise. */
  synchronized Optional<ApiResponse> execute(ApiLink link, List<String> p, JsonNode body) {
    if (!"app-webhook".equals(link.resource())) {
      return Optional.empty();
    }
    HerokuApp app = state.app(p.get(0)).orElseThrow(() -> ApiProblem.notFound("app"));
    return Optional.of(
        switch (link.title()) {
          case "Create" -> new ApiResponse(201, json(create(app, body)), Map.of());
          case "List" -> ApiResponse.ok(list(app));
          case "Info" -> ApiResponse.ok(json(find(app, p.get(1))));
          case "Update" -> ApiResponse.ok(json(update(find(app, p.get(1)), body)));
          case "Delete" -> ApiResponse.ok(json(subscriptions.remove(find(app, p.get(1)).id)));
          default -> throw ApiProblem.unsupported(link.method() + " " + link.href());
        });
  }

  /** Seeds a subscription to {@code api:release} notifications, as if made in the dashboard. */
  synchronized UUID seed(String appName, String url, String secret) {
    HerokuApp app =
        state.app(appName).orElseThrow(() -> new IllegalArgumentException("no app " + appName));
    Subscription s = new Subscription(UUID.randomUUID(), app, HerokuState.now());
    s.url = url;
    s.level = "notify";
    s.include = List.of("api:release");
    s.secret = secret;
    subscriptions.put(s.id, s);
    return s.id;
  }

  synchronized Optional<String> secret(String appName, UUID id) {
    return Optional.ofNullable(subscriptions.get(id))
        .filter(s -> s.app.name().equals(appName))
        .map(s -> s.secret);
  }

  synchronized void reset() {
    subscriptions.clear();
  }

  private Subscription create(HerokuApp app, JsonNode body) {
    Subscription s = new Subscription(UUID.randomUUID(), app, HerokuState.now());
    subscriptions.put(s.id, s);
    return update(s, body);
  }

  private Subscription update(Subscription s, JsonNode body) {
    if (body.hasNonNull("url")) {
      s.url = body.get("url").asText();
    }
    if (body.hasNonNull("level")) {
      s.level = body.get("level").asText();
    }
    if (body.has("include")) {
      List<String> include = new ArrayList<>();
      body.get("include").forEach(i -> include.add(i.asText()));
      s.include = List.copyOf(include);
    }
    if (body.has("secret")) {
      s.secret = body.get("secret").isNull() ? null : body.get("secret").asText();
    }
    s.updatedAt = HerokuState.now();
    return s;
  }

  private Subscription find(HerokuApp app, String id) {
    return subscriptions.values().stream()
        .filter(s -> s.app.id().equals(app.id()) && s.id.toString().equals(id))
        .findFirst()
        .orElseThrow(() -> ApiProblem.notFound("webhook"));
  }

  private ArrayNode list(HerokuApp app) {
    ArrayNode list = NODES.arrayNode();
    subscriptions.values().stream()
        .filter(s -> s.app.id().equals(app.id()))
        .forEach(s -> list.add(json(s)));
    return list;
  }

  /** The {@code app_webhook} representation: every listed field, never the secret. */
  private static ObjectNode json(Subscription s) {
    ObjectNode node = NODES.objectNode();
    ObjectNode app = node.putObject("app");
    app.put("id", s.app.id().toString());
    app.put("name", s.app.name());
    node.put("created_at", DateTimeFormatter.ISO_INSTANT.format(s.createdAt));
    node.put("id", s.id.toString());
    ArrayNode include = node.putArray("include");
    s.include.forEach(include::add);
    node.put("level", s.level);
    node.put("updated_at", DateTimeFormatter.ISO_INSTANT.format(s.updatedAt));
    node.put("url", s.url);
    return node;
  }
}
