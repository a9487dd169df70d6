package dev.keyturn.rotate.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Event JSON from src/test/resources/events, with fields replaced for one test. */
public final class EventJson {

  private EventJson() {}

  public static String resource(String name) {
    try (InputStream in = EventJson.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no event resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rotation event Secrets Manager sends for one step. */
  public static String rotationStep(String step, String secretId, String token) {
    ObjectNode event = (ObjectNode) Json.tree(resource("rotation-step.json"));
    event.put("Step", step).put("SecretId", secretId).put("ClientRequestToken", token);
    return event.toString();
  }

  /** What the Lambda runtime hands a {@code Map} handler: the JSON object, as a map. */
  public static Map<String, Object> asLambdaInput(String json) {
    return Json.map(json);
  }
}
