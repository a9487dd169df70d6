package dev.keyturn.webhook.http;

import java.util.Optional;

/** The one route: {@code /webhooks/{source}}. */
public final class Route {

  public static final String PREFIX = "/webhooks/";

  /** Source names are short tokens, so path garbage never reaches the inventory or the logs. */
  static final int MAX_SOURCE_LENGTH = 64;

  private Route() {}

  /** The source named by a raw path, or empty when the path is not the webhook route. */
  public static Optional<String> source(String path) {
    if (path == null || !path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String source = path.substring(PREFIX.length());
    return isSourceName(source) ? Optional.of(source) : Optional.empty();
  }

  /** Letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 long. */
  public static boolean isSourceName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_SOURCE_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || "._-".indexOf(c) < 0)) {
        return false;
      }
    }
    return true;
  }
}
