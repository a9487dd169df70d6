package dev.keyturn.inventory.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.json.Json.JsonException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook entry as stored in the table: Jackson writes the record, and this reads it back from
 * a JSON tree. The webhook function reads every entry on its cold path; a tree read there spares
 * the ~200 classes Jackson loads to bind records, polymorphic sender bindings included (issue 15
 * §3). {@code WebhookEntryCodecTest} checks that both readers agree on every stored shape.
 */
public final class WebhookEntryCodec {

  private static final String WHAT = "not valid JSON for WebhookEntry";

  private WebhookEntryCodec() {}

  /** The stored form; {@code keyturn apply} compares it with what is in the table. */
  public static String write(WebhookEntry entry) {
    return Json.write(entry);
  }

  /**
   * Reads what {@link #write} wrote. Unknown fields are ignored, as the shared mapper does.
   *
   * @throws JsonException naming the type, never echoing the JSON
   */
  public static WebhookEntry read(String json) {
    JsonNode root;
    try {
      root = Json.tree(json);
    } catch (JsonException notJson) {
      throw new JsonException(WHAT);
    }
    if (root == null || !root.isObject()) {
      throw new JsonException(WHAT);
    }
    return new WebhookEntry(
        text(root, "source"),
        text(root, "scheme"),
        text(root, "secret"),
        integer(root, "toleranceSeconds"),
        options(root.get("options")),
        sender(root.get("sender")),
        text(root, "overlapGrace"));
  }

  private static String text(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new JsonException(WHAT);
    }
    return v.asText();
  }

  private static Integer integer(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new JsonException(WHAT);
    }
    return v.intValue();
  }

  private static Map<String, String> options(JsonNode v) {
    if (v == null || !v.isObject()) {
      throw new JsonException(WHAT); // the record requires a map, as Jackson's binding does
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (e.getValue().isNull() || !e.getValue().isValueNode()) {
        throw new JsonException(WHAT);
      }
      options.put(e.getKey(), e.getValue().asText());
    }
    return options;
  }

  /** Jackson's wrapper-object form: {@code {"heroku": {...}}} or {@code {"github": {...}}}. */
  private static SenderBinding sender(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject() || v.size() != 1) {
      throw new JsonException(WHAT);
    }
    JsonNode heroku = v.get(SenderBinding.HEROKU);
    if (heroku != null && heroku.isObject()) {
      return new SenderBinding.Heroku(text(heroku, "app"), text(heroku, "webhookId"));
    }
    JsonNode github = v.get(SenderBinding.GITHUB);
    if (github != null && github.isObject()) {
      JsonNode hookId = github.get("hookId");
      if (hookId == null || !hookId.isIntegralNumber() || !hookId.canConvertToLong()) {
        throw new JsonException(WHAT);
      }
      return new SenderBinding.Github(text(github, "repo"), hookId.longValue());
    }
    throw new JsonException(WHAT);
  }
}
