package dev.keyturn.rotate.vendor.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a {@code heroku-authorization} secret holds: the id of a Heroku OAuth authorization and its
 * access token, stored as {@code {"authorizationId": "<uuid>", "token": "<token>"}}. {@link
 * #toString()} never shows the token.
 */
public record HerokuCredential(String authorizationId, String token) {

  static final String AUTHORIZATION_ID = "authorizationId";
  static final String TOKEN = "token";

  /** Heroku ids are UUIDs; checking the shape also keeps the id safe to put in a URL path. */
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * @throws MalformedSecretValueException when either part is missing or the id is not a UUID
   */
  public HerokuCredential {
    if (authorizationId == null || !UUID.matcher(authorizationId).matches()) {
      throw new MalformedSecretValueException("'" + AUTHORIZATION_ID + "' is not a Heroku id");
    }
    if (token == null || token.isBlank()) {
      throw new MalformedSecretValueException("'" + TOKEN + "' is missing or empty");
    }
  }

  /**
   * Reads a secret value.
   *
   * @throws MalformedSecretValueException naming the problem, never the value
   */
  public static HerokuCredential parse(String value) {
    JsonNode node;
    try {
      node = Json.tree(value == null ? "" : value);
    } catch (Json.JsonException notJson) {
      throw new MalformedSecretValueException("the value is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new MalformedSecretValueException("the value is not a JSON object");
    }
    return new HerokuCredential(text(node, AUTHORIZATION_ID), text(node, TOKEN));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** The value to store in Secrets Manager. */
  public String toSecretValue() {
    Map<String, String> value = new LinkedHashMap<>();
    value.put(AUTHORIZATION_ID, authorizationId);
    value.put(TOKEN, token);
    return Json.write(value);
  }

  @Override
  public String toString() {
    return "HerokuCredential[authorizationId=" + authorizationId + ", token=***]";
  }
}
