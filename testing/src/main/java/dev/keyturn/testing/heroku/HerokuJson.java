package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON representations. Every field the schema lists is present (the schema's {@code
 * strictProperties} makes them all required), with the values a freshly made Heroku resource has.
 */
final class HerokuJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HerokuJson() {}

  static ObjectNode error(String id, String message) {
    ObjectNode error = NODES.objectNode();
    error.put("id", id);
    error.put("message", message);
    return error;
  }

  static ObjectNode configVars(Map<String, String> vars) {
    ObjectNode object = NODES.objectNode();
    vars.forEach(object::put);
    return object;
  }

  static ArrayNode releases(List<Release> releases) {
    ArrayNode array = NODES.arrayNode();
    releases.forEach(release -> array.add(release(release)));
    return array;
  }

  static ObjectNode release(Release release) {
    ObjectNode node = NODES.objectNode();
    node.putArray("addon_plan_names");
    node.putArray("artifacts");
    ObjectNode app = node.putObject("app");
    app.put("id", release.app().id().toString());
    app.put("name", release.app().name());
    node.put("created_at", timestamp(release.createdAt()));
    node.put("description", release.description());
    node.put("id", release.id().toString());
    node.put("updated_at", timestamp(release.createdAt()));
    node.putNull("slug");
    node.put("status", "succeeded");
    ObjectNode user = node.putObject("user");
    user.put("id", release.user().id().toString());
    user.put("email", release.user().email());
    node.put("version", release.version());
    node.put("current", release.current());
    node.putNull("output_stream_url");
    node.put("eligible_for_rollback", !release.current());
    return node;
  }

  static ObjectNode account(HerokuUser user, Instant createdAt) {
    ObjectNode node = NODES.objectNode();
    node.put("allow_tracking", true);
    node.put("beta", false);
    node.put("created_at", timestamp(createdAt));
    node.put("email", user.email());
    node.put("federated", false);
    node.put("id", user.id().toString());
    node.putNull("identity_provider");
    node.putNull("last_login");
    node.put("name", user.fullName());
    node.putNull("sms_number");
    node.putNull("suspended_at");
    node.putNull("delinquent_at");
    node.put("two_factor_authentication", true);
    node.put("updated_at", timestamp(createdAt));
    node.put("verified", true);
    node.putNull("country_of_residence");
    node.putNull("default_organization");
    node.putNull("default_team");
    return node;
  }

  static ObjectNode authorization(OAuthAuthorization authorization) {
    ObjectNode node = NODES.objectNode();
    ObjectNode accessToken = node.putObject("access_token");
    accessToken.putNull("expires_in");
    accessToken.put("id", authorization.accessTokenId().toString());
    accessToken.put("token", authorization.accessToken());
    node.putNull("client");
    node.put("created_at", timestamp(authorization.createdAt()));
    node.put("description", authorization.description());
    node.putNull("grant");
    node.put("id", authorization.id().toString());
    node.putNull("refresh_token");
    authorization.scope().forEach(node.putArray("scope")::add);
    node.putNull("session");
    node.put("updated_at", timestamp(authorization.updatedAt()));
    ObjectNode user = node.putObject("user");
    user.put("id", authorization.user().id().toString());
    user.put("email", authorization.user().email());
    user.put("full_name", authorization.user().fullName());
    return node;
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
