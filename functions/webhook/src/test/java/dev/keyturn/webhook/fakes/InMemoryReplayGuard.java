package dev.keyturn.webhook.fakes;

import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.ReplayRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The replay guard's conditional put, in memory; records the TTLs asked for. */
public final class InMemoryReplayGuard implements ReplayGuard, ReplayRelease {

  private final Map<String, Instant> expiries = new HashMap<>();
  private final List<Duration> ttls = new ArrayList<>();
  private boolean failing;

  @Override
  public boolean firstSeen(String source, String key, Instant now, Duration ttl) {
    if (failing) {
      throw new IllegalStateException("replay table unavailable (test)");
    }
    ttls.add(ttl);
    String id = source + "/" + key;
    Instant expiry = expiries.get(id);
    if (expiry != null && !expiry.isBefore(now)) {
      return false;
    }
    expiries.put(id, now.plus(ttl));
    return true;
  }

  @Override
  public void release(String source, String key) {
    expiries.remove(source + "/" + key);
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public int claimed() {
    return expiries.size();
  }

  public List<Duration> ttls() {
    return ttls;
  }
}
