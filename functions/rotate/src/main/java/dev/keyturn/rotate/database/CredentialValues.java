package dev.keyturn.rotate.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.json.Json;
import java.util.Optional;

/**
 * Rewrites a connection secret's value with a new user and password, keeping every other field as
 * it was (AWS's templates copy the whole dictionary too, so fields such as {@code
 * dbInstanceIdentifier} survive rotation).
 */
final class CredentialValues {

  private CredentialValues() {}

  /** The value's JSON object, or empty when it is not one (parser messages are dropped). */
  static Optional<ObjectNode> object(String value) {
    try {
      JsonNode node = Json.tree(value == null ? "" : value);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (Json.JsonException notJson) {
      return Optional.empty();
    }
  }

  /** {@code current} with {@code username} and {@code password} replaced. */
  static String withCredentials(ObjectNode current, String username, String password) {
    ObjectNode next = current.deepCopy();
    next.put(ConnectionSecret.USERNAME, username);
    next.put(ConnectionSecret.PASSWORD, password);
    return Json.write(next);
  }
}
