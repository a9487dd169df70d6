package dev.keyturn.sync.sink;

import java.time.Instant;

/**
 * One variable as the target holds it.
 *
 * @param value the value, or null for a target that never returns values
 * @param updatedAt when the target last changed it, when the API says; else null
 */
public record RemoteVar(String value, Instant updatedAt) {

  public static RemoteVar of(String value) {
    return new RemoteVar(value, null);
  }

  public static RemoteVar present(Instant updatedAt) {
    return new RemoteVar(null, updatedAt);
  }

  /** Prints no value. */
  @Override
  public String toString() {
    return "RemoteVar["
        + (value == null ? "no value" : "value=***")
        + ", updatedAt="
        + updatedAt
        + "]";
  }
}
