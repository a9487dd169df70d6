package dev.keyturn.rotate.vendor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an {@code aws-iam-access-key} secret holds: {@code {"accessKeyId": "AKIA…",
 * "secretAccessKey": "…"}}. Sinks publish the two fields as the companions of seed 002 ({@code
 * AWS_<NAME>__ACCESS_KEY_ID}, {@code AWS_<NAME>__SECRET_ACCESS_KEY}). {@link #toString()} never
 * shows the secret key.
 */
public record AccessKeyCredential(String accessKeyId, String secretAccessKey) {

  public static final String ACCESS_KEY_ID = "accessKeyId";
  public static final String SECRET_ACCESS_KEY = "secretAccessKey";

  /** IAM's own constraint on access key ids (they are not secret). */
  private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

  /**
   * @throws MalformedSecretValueException when a part is missing or the id is not a key id
   */
  public AccessKeyCredential {
    if (accessKeyId == null || !KEY_ID.matcher(accessKeyId).matches()) {
      throw new MalformedSecretValueException("'" + ACCESS_KEY_ID + "' is not an access key id");
    }
    if (secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new MalformedSecretValueException("'" + SECRET_ACCESS_KEY + "' is missing or empty");
    }
  }

  /**
   * Reads a secret value.
   *
   * @throws MalformedSecretValueException naming the problem, never the value
   */
  public static AccessKeyCredential parse(String value) {
    JsonNode node;
    try {
      node = Json.tree(value == null ? "" : value);
    } catch (Json.JsonException notJson) {
      throw new MalformedSecretValueException("the value is not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new MalformedSecretValueException("the value is not a JSON object");
    }
    return new AccessKeyCredential(text(node, ACCESS_KEY_ID), text(node, SECRET_ACCESS_KEY));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** The value to store in Secrets Manager. */
  public String toSecretValue() {
    Map<String, String> value = new LinkedHashMap<>();
    value.put(ACCESS_KEY_ID, accessKeyId);
    value.put(SECRET_ACCESS_KEY, secretAccessKey);
    return Json.write(value);
  }

  @Override
  public String toString() {
    return "AccessKeyCredential[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
  }
}
