package dev.keyturn.sync;

import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Event JSON fixtures from src/test/resources/events, as the runtime hands them over. */
public final class Events {

  private Events() {}

  public static String json(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no event fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> map(String name) {
    return Json.map(json(name));
  }
}
