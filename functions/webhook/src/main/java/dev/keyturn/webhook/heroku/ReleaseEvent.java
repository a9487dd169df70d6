package dev.keyturn.webhook.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.webhook.forward.Payload;
import java.util.Optional;

/**
 * A Heroku app webhook {@code api:release} notification that reports a release as succeeded. Heroku
 * sends {@code {"resource": "release", "action": "create"|"update", "data": {"id", "version",
 * "status", "current", "app": {"name"}}, "webhook_metadata": {"event": {"include":
 * "api:release"}}}}; a release with a release phase arrives as a create (pending) and an update
 * (succeeded), one without as a create that already succeeded.
 *
 * @param app the app's name
 * @param releaseId the release's id
 * @param version the release's version number, or null when absent
 */
public record ReleaseEvent(String app, String releaseId, Integer version) {

  static final String SUCCEEDED = "succeeded";

  /** The succeeded release a payload reports, or empty for anything else. */
  public static Optional<ReleaseEvent> succeeded(Payload payload) {
    if (!payload.isJson()) {
      return Optional.empty();
    }
    JsonNode event;
    try {
      event = Json.tree(payload.text());
    } catch (Json.JsonException notJson) {
      return Optional.empty();
    }
    if (!isRelease(event) || !SUCCEEDED.equals(text(event.path("data").path("status")))) {
      return Optional.empty();
    }
    JsonNode data = event.path("data");
    String app = text(data.path("app").path("name"));
    String id = text(data.path("id"));
    if (app == null || id == null) {
      return Optional.empty();
    }
    JsonNode version = data.path("version");
    return Optional.of(
        new ReleaseEvent(app, id, version.canConvertToInt() ? version.intValue() : null));
  }

  private static boolean isRelease(JsonNode event) {
    String include = text(event.path("webhook_metadata").path("event").path("include"));
    return "release".equals(text(event.path("resource")))
        && (include == null || "api:release".equals(include));
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
  }
}
