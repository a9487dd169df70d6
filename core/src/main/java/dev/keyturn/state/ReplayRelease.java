package dev.keyturn.state;

/**
 * Undoes a {@link ReplayGuard} record. A receiver that claimed a delivery key but then could not
 * finish handing the delivery on (the event bus or the table failed) releases the key, so the
 * provider's retry is processed instead of being taken for a replay.
 */
public interface ReplayRelease {

  /** Forgets a delivery key recorded by {@link ReplayGuard#firstSeen}; a no-op when absent. */
  void release(String source, String key);
}
