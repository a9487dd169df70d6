package dev.keyturn.state.dynamodb;

import java.util.Optional;

/** Secrets Manager ARNs end in the secret name plus a dash and six random characters. */
final class SecretArns {

  private static final String MARKER = ":secret:";

  private SecretArns() {}

  /** The secret name inside an ARN, or empty when the id is not a Secrets Manager ARN. */
  static Optional<String> nameOf(String id) {
    if (id == null || !id.startsWith("arn:") || !id.contains(MARKER)) {
      return Optional.empty();
    }
    String tail = id.substring(id.indexOf(MARKER) + MARKER.length());
    int dash = tail.lastIndexOf('-');
    if (dash <= 0 || tail.length() - dash - 1 != 6) {
      return Optional.of(tail);
    }
    return Optional.of(tail.substring(0, dash));
  }
}
