package dev.keyturn.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.ConnectionUrl;
import dev.keyturn.connection.MalformedConnectionSecretException;
import dev.keyturn.json.Json;

/**
 * What a sink publishes of a secret's value: all of it, one field of a JSON object, or (format
 * {@code url}) a connection URL composed from a database or cache secret.
 */
public final class SecretFields {

  private SecretFields() {}

  /**
   * The value a sink with {@code field} publishes: {@code value} itself when {@code field} is null;
   * otherwise that top-level field of the JSON object in {@code value} (text as is, numbers and
   * booleans as written, objects and arrays as JSON).
   *
   * @throws SecretFieldMissingException naming the entry and field (never the value) when the value
   *     is not a JSON object or has no such field
   */
  public static String select(String secretName, String value, String field) {
    if (field == null || value == null) {
      return value;
    }
    JsonNode node;
    try {
      node = Json.tree(value);
    } catch (Json.JsonException e) {
      throw new SecretFieldMissingException(secretName, field, "the value is not JSON");
    }
    if (!node.isObject()) {
      throw new SecretFieldMissingException(secretName, field, "the value is not a JSON object");
    }
    JsonNode selected = node.get(field);
    if (selected == null || selected.isNull()) {
      throw new SecretFieldMissingException(secretName, field, "the JSON object has no such field");
    }
    return selected.isValueNode() ? selected.asText() : selected.toString();
  }

  /**
   * What a sink with {@code field} and {@code format} publishes: for {@link Sink#FORMAT_URL}, the
   * connection URL composed from the value (user, password and database percent-encoded); else
   * {@link #select(String, String, String)}. Only the fields of the value itself go into a URL; a
   * {@code masterarn} is never followed.
   *
   * @throws SecretFieldMissingException (field {@code url}) naming the entry and the problem, never
   *     the value, when the value is not a connection secret
   */
  public static String select(String secretName, String value, String field, String format) {
    if (!Sink.FORMAT_URL.equals(format) || value == null) {
      return select(secretName, value, field);
    }
    try {
      return ConnectionUrl.of(ConnectionSecret.parse(value));
    } catch (MalformedConnectionSecretException e) {
      throw new SecretFieldMissingException(secretName, Sink.FORMAT_URL, e.getMessage());
    }
  }

  /** A sink names a field its secret's value does not have. Carries names only. */
  public static final class SecretFieldMissingException extends RuntimeException {
    private final String secretName;
    private final String field;

    public SecretFieldMissingException(String secretName, String field, String why) {
      super(secretName + ": field `" + field + "` cannot be published: " + why);
      this.secretName = secretName;
      this.field = field;
    }

    public String secretName() {
      return secretName;
    }

    public String field() {
      return field;
    }
  }
}
