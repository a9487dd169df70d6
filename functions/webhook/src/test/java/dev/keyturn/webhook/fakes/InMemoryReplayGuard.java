package dev.keyturn.webhook.fakes;

import dev.keyturn.state.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay guard's conditional writes, in memory, with the DynamoDB adapter's rules (pending and
 * done claims, expiry, claimant-conditional completion and release); records the TTLs asked for.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

  private record Entry(String claimant, boolean done, Instant expiresAt) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final List<Duration> ttls = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized Claim claim(
      String source, String key, String claimant, Instant now, Instant pendingUntil) {
    if (failing) {
      throw new IllegalStateException("replay table unavailable (test)");
    }
    String id = source + "/" + key;
    Entry entry = entries.get(id);
    boolean free = entry == null || entry.expiresAt().isBefore(now);
    if (!free && !(entry.claimant().equals(claimant) && !entry.done())) {
      return entry.done() ? new Claim.Done() : new Claim.Pending(entry.expiresAt());
    }
    entries.put(id, new Entry(claimant, false, pendingUntil));
    return new Claim.Claimed();
  }

  @Override
  public synchronized boolean complete(
      String source, String key, String claimant, Instant now, Duration ttl) {
    String id = source + "/" + key;
    Entry entry = entries.get(id);
    if (entry == null || !entry.claimant().equals(claimant)) {
      return false;
    }
    ttls.add(ttl);
    entries.put(id, new Entry(claimant, true, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized boolean release(String source, String key, String claimant) {
    String id = source + "/" + key;
    Entry entry = entries.get(id);
    if (entry == null) {
      return true;
    }
    if (entry.done() || !entry.claimant().equals(claimant)) {
      return false;
    }
    entries.remove(id);
    return true;
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  /** Keys claimed (pending or done). */
  public synchronized int claimed() {
    return entries.size();
  }

  /** Keys whose delivery was handed on. */
  public synchronized long done() {
    return entries.values().stream().filter(Entry::done).count();
  }

  /** The replay windows of completed claims, in order. */
  public List<Duration> ttls() {
    return ttls;
  }
}
