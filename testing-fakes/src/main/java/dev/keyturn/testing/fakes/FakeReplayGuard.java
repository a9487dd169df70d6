package dev.keyturn.testing.fakes;

import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery keys with their expiry, with {@code DynamoReplayGuard}'s condition: a key is new when
 * absent or when its expiry (whole epoch seconds, the table's TTL attribute) lies before now's;
 * release forgets a key ({@code DynamoReplayRelease}). One fake for both ports, because they share
 * the records. Keeps the TTLs asked for.
 */
public final class FakeReplayGuard extends FakePort implements ReplayGuard, ReplayRelease {

  private final Map<String, Long> expiries = new HashMap<>();
  private final List<Duration> ttls = new ArrayList<>();

  @Override
  public synchronized boolean firstSeen(String source, String key, Instant now, Duration ttl) {
    enter("firstSeen");
    ttls.add(ttl);
    String id = id(source, key);
    Long expiry = expiries.get(id);
    if (expiry != null && expiry >= now.getEpochSecond()) {
      return false;
    }
    expiries.put(id, now.plus(ttl).getEpochSecond());
    return true;
  }

  @Override
  public synchronized void release(String source, String key) {
    enter("release");
    expiries.remove(id(source, key));
  }

  /** How many delivery keys are recorded (expired ones included, until taken over). */
  public synchronized int claimed() {
    return expiries.size();
  }

  /** Every TTL {@link #firstSeen} was asked for, in order. */
  public synchronized List<Duration> ttls() {
    return List.copyOf(ttls);
  }

  private static String id(String source, String key) {
    return source + "\n" + key;
  }
}
