package dev.keyturn.state;

import java.time.Duration;
import java.time.Instant;

/** Remembers webhook deliveries for a while so a replay is recognised. */
public interface ReplayGuard {

  /**
   * Records a delivery key.
   *
   * @return true the first time the key is seen within its time to live, false for a replay
   */
  boolean firstSeen(String source, String key, Instant now, Duration ttl);
}
