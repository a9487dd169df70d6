package dev.keyturn.rotate.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.json.Json;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret parts of generated values, registered with the leak guard so a log line or table item
 * carrying them fails the class. (A JWT secret's public JWKS is not secret; its private exponent
 * is.)
 */
public final class SecretParts {

  private SecretParts() {}

  public static void register(String generatorType, String value) {
    for (String part : parts(generatorType, value)) {
      if (part.length() >= SeededSecrets.MIN_LENGTH) {
        SeededSecrets.register(part);
      }
    }
  }

  static List<String> parts(String generatorType, String value) {
    List<String> parts = new ArrayList<>();
    switch (generatorType) {
      case "jwt-rsa", "jwt-ec" -> {
        JsonNode jwk = Json.tree(value).path("privateJwk");
        for (String member : List.of("d", "p", "q", "dp", "dq", "qi")) {
          if (jwk.path(member).isTextual()) {
            parts.add(jwk.path(member).asText());
          }
        }
      }
      case "json-field" -> parts.add(Json.tree(value).path("secret_key").asText());
      case "heroku-authorization" -> parts.add(Json.tree(value).path("token").asText());
      case "aws-iam-access-key" -> parts.add(Json.tree(value).path("secretAccessKey").asText());
      default -> parts.add(value);
    }
    return parts;
  }
}
