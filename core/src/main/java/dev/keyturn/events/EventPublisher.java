package dev.keyturn.events;

import dev.keyturn.json.Json;
import java.util.Map;

/** Publishes keyturn's events (SecretRotated, SecretExpiring, verified webhooks). */
public interface EventPublisher {

  /**
   * Puts one event on the configured bus.
   *
   * @param source the event source, e.g. {@code keyturn.rotate}
   * @param detailType e.g. {@code SecretRotated}
   * @param detailJson the detail as a JSON object string (names, ARNs, version ids; never values)
   */
  void publish(String source, String detailType, String detailJson);

  /** Names of what keyturn publishes. */
  final class Types {
    public static final String SECRET_ROTATED = "SecretRotated";
    public static final String SECRET_EXPIRING = "SecretExpiring";
    public static final String ROTATE_SOURCE = "keyturn.rotate";
    public static final String WEBHOOK_SOURCE = "keyturn.webhook";

    private Types() {}
  }

  /** Convenience for callers holding a detail map. */
  default void publish(String source, String detailType, Map<String, ?> detail) {
    publish(source, detailType, Json.write(detail));
  }
}
