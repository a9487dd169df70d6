package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.testing.github.GithubState.Hook;
import dev.keyturn.testing.github.GithubState.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Repository webhooks: create, list, get, update, delete, their config (the signing secret is
 * write-only: answers show {@code ********}), pings and test pushes. Deliveries are never made, so
 * their list is empty and a delivery is never found.
 */
final class GithubHooks {

  private final GithubState state;
  private final String baseUrl;
  private final ObjectMapper mapper;

  GithubHooks(GithubState state, String baseUrl, ObjectMapper mapper) {
    this.state = state;
    this.baseUrl = baseUrl;
    this.mapper = mapper;
  }

  GithubResponse execute(String operation, Repo repo, List<String> p, JsonNode body) {
    synchronized (repo) {
      return switch (operation) {
        case "repos/list-webhooks" -> {
          var list = mapper.createArrayNode();
          repo.hooks.values().forEach(h -> list.add(hook(repo, h)));
          yield GithubResponse.of(200, list);
        }
        case "repos/create-webhook" -> {
          Hook h = new Hook(state.nextId(), state.now());
          applyHook(h, body);
          repo.hooks.put(h.id, h);
          yield GithubResponse.of(201, hook(repo, h));
        }
        case "repos/get-webhook" -> GithubResponse.of(200, hook(repo, find(repo, p)));
        case "repos/update-webhook" -> {
          Hook h = find(repo, p);
          applyHook(h, body);
          yield GithubResponse.of(200, hook(repo, h));
        }
        case "repos/delete-webhook" -> {
          repo.hooks.remove(find(repo, p).id);
          yield GithubResponse.empty(204);
        }
        case "repos/get-webhook-config-for-repo" -> GithubResponse.of(200, config(find(repo, p)));
        case "repos/update-webhook-config-for-repo" -> {
          Hook h = find(repo, p);
          body.properties().forEach(e -> h.config.put(e.getKey(), value(e.getValue())));
          h.updatedAt = state.now();
          yield GithubResponse.of(200, config(h));
        }
        case "repos/list-webhook-deliveries" -> {
          find(repo, p);
          yield GithubResponse.of(200, mapper.createArrayNode());
        }
        case "repos/ping-webhook", "repos/test-push-webhook" -> {
          find(repo, p);
          yield GithubResponse.empty(204);
        }
        default -> {
          // a delivery of a hook that never delivered
          find(repo, p);
          throw GithubProblem.notFound();
        }
      };
    }
  }

  /** The signing secret, as set (write-only through the API; tests read it here). */
  static String secret(Hook h) {
    Object s = h.config.get("secret");
    return s == null ? null : s.toString();
  }

  private Hook find(Repo repo, List<String> p) {
    long id;
    try {
      id = Long.parseLong(p.get(2));
    } catch (NumberFormatException e) {
      throw GithubProblem.notFound();
    }
    Hook h = repo.hooks.get(id);
    if (h == null) {
      throw GithubProblem.notFound();
    }
    return h;
  }

  private void applyHook(Hook h, JsonNode body) {
    if (body == null) {
      return;
    }
    if (body.has("config")) {
      body.get("config").properties().forEach(e -> h.config.put(e.getKey(), value(e.getValue())));
    }
    h.active = body.path("active").asBoolean(h.events == null || h.active);
    if (body.has("events")) {
      List<String> events = new ArrayList<>();
      body.get("events").forEach(e -> events.add(e.asText()));
      h.events = List.copyOf(events);
    } else if (h.events == null) {
      h.events = List.of("push");
    }
    h.updatedAt = state.now();
  }

  private static Object value(JsonNode n) {
    return n.isNumber() ? n.numberValue() : n.asText();
  }

  private ObjectNode hook(Repo repo, Hook h) {
    String url = baseUrl + "/repos/" + repo.fullName + "/hooks/" + h.id;
    ObjectNode n = mapper.createObjectNode();
    n.put("type", "Repository");
    n.put("id", h.id);
    n.put("name", "web");
    n.put("active", h.active);
    var events = n.putArray("events");
    h.events.forEach(events::add);
    n.set("config", config(h));
    n.put("updated_at", h.updatedAt.toString());
    n.put("created_at", h.createdAt.toString());
    n.put("url", url);
    n.put("test_url", url + "/test");
    n.put("ping_url", url + "/pings");
    n.put("deliveries_url", url + "/deliveries");
    ObjectNode last = n.putObject("last_response");
    last.putNull("code");
    last.put("status", "unused");
    last.putNull("message");
    return n;
  }

  private ObjectNode config(Hook h) {
    ObjectNode c = mapper.createObjectNode();
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(h.config).entrySet()) {
      if (e.getKey().equals("secret")) {
        c.put("secret", "********");
      } else if (e.getValue() instanceof Number num) {
        c.put(e.getKey(), num.toString());
      } else {
        c.put(e.getKey(), e.getValue().toString());
      }
    }
    return c;
  }
}
