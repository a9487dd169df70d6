package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Platform API operations the stand-in implements, dispatched by schema link. */
final class Operations {

  private final HerokuState state;
  private final Instant accountCreatedAt;

  Operations(HerokuState state, Instant accountCreatedAt) {
    this.state = state;
    this.accountCreatedAt = accountCreatedAt;
  }

  ApiResponse execute(
      ApiLink link, List<String> parameters, String rangeHeader, HerokuUser user, JsonNode body) {
    return switch (link.operation()) {
      case "config-var Info for App" -> ApiResponse.ok(configVars(parameters.get(0)));
      case "config-var Info for App Release" ->
          ApiResponse.ok(configVarsAt(parameters.get(0), parameters.get(1)));
      case "config-var Update" -> ApiResponse.ok(updateConfigVars(parameters.get(0), body, user));
      case "release List" -> listReleases(parameters.get(0), rangeHeader);
      case "release Info" -> ApiResponse.ok(release(parameters.get(0), parameters.get(1)));
      case "account Info" -> ApiResponse.ok(HerokuJson.account(user, accountCreatedAt));
      case "oauth-authorization Info" -> ApiResponse.ok(authorization(parameters.get(0), user));
      case "oauth-authorization Regenerate" -> ApiResponse.ok(regenerate(parameters.get(0), user));
      case "oauth-authorization Create" -> created(createAuthorization(body, user));
      case "oauth-authorization Delete" ->
          ApiResponse.ok(deleteAuthorization(parameters.get(0), user));
      case "oauth-authorization List" -> ApiResponse.ok(authorizations(user));
      default -> throw ApiProblem.unsupported(link.method() + " " + link.href());
    };
  }

  private JsonNode configVars(String app) {
    return HerokuJson.configVars(state.configVars(app));
  }

  private JsonNode configVarsAt(String app, String release) {
    return HerokuJson.configVars(
        state.configVarsAt(app, release).orElseThrow(() -> ApiProblem.notFound("release")));
  }

  private JsonNode updateConfigVars(String app, JsonNode body, HerokuUser user) {
    Map<String, String> changes = new LinkedHashMap<>();
    body.properties()
        .forEach(field ->
            changes.put(
                field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
    state.patchConfigVars(app, changes, user);
    return configVars(app);
  }

  private ApiResponse listReleases(String app, String rangeHeader) {
    ReleaseRange range;
    try {
      range = ReleaseRange.parse(rangeHeader);
    } catch (ReleaseRange.InvalidRange invalid) {
      throw ApiProblem.badRequest(invalid.getMessage());
    }
    ReleaseRange.Page page = range.page(state.releases(app));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept-Ranges", "id, version");
    if (page.contentRange() != null) {
      headers.put("Content-Range", page.contentRange());
    }
    if (page.nextRange() != null) {
      headers.put("Next-Range", page.nextRange());
    }
    return new ApiResponse(
        page.more() ? 206 : 200, HerokuJson.releases(page.releases()), Map.copyOf(headers));
  }

  private JsonNode release(String app, String idOrVersion) {
    return HerokuJson.release(
        state.release(app, idOrVersion).orElseThrow(() -> ApiProblem.notFound("release")));
  }

  private JsonNode authorization(String id, HerokuUser user) {
    return HerokuJson.authorization(
        state
            .authorization(UUID.fromString(id))
            .filter(found -> found.user().id().equals(user.id()))
            .orElseThrow(() -> ApiProblem.notFound("authorization")));
  }

  /** Heroku answers a create with 201 Created. */
  private static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body, Map.of());
  }

  private JsonNode createAuthorization(JsonNode body, HerokuUser user) {
    List<String> scope = new ArrayList<>();
    body.path("scope").forEach(s -> scope.add(s.asText()));
    JsonNode description = body.path("description");
    return HerokuJson.authorization(
        state.createAuthorization(
            description.isTextual() ? description.asText() : "", scope, user));
  }

  private JsonNode deleteAuthorization(String id, HerokuUser user) {
    UUID authorizationId = UUID.fromString(id);
    state
        .authorization(authorizationId)
        .filter(found -> found.user().id().equals(user.id()))
        .orElseThrow(() -> ApiProblem.notFound("authorization"));
    return HerokuJson.authorization(state.deleteAuthorization(authorizationId).orElseThrow());
  }

  private JsonNode authorizations(HerokuUser user) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    state.authorizations(user).forEach(a -> list.add(HerokuJson.authorization(a)));
    return list;
  }

  private JsonNode regenerate(String id, HerokuUser user) {
    UUID authorizationId = UUID.fromString(id);
    state
        .authorization(authorizationId)
        .filter(found -> found.user().id().equals(user.id()))
        .orElseThrow(() -> ApiProblem.notFound("authorization"));
    return HerokuJson.authorization(state.regenerate(authorizationId).orElseThrow());
  }
}
