package dev.keyturn.testing.fakes;

import dev.keyturn.state.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery claims with {@code DynamoReplayGuard}'s conditions. A claim is {@code pending} (its
 * claimant's request id and the end of the pending time, to the millisecond) or {@code done}; its
 * expiry is in whole epoch seconds, the table's TTL attribute: the pending end rounded up, or the
 * completion time plus the replay TTL rounded down. A key is claimable when absent, when its expiry
 * lies before now's second, or when it is the same claimant's pending claim (an SDK retry of a put
 * that succeeded). Completing needs the claim to name the claimant (whatever its state or expiry);
 * releasing needs its pending claim, and an absent key releases as done. Expired claims stay until
 * taken over, as the table keeps items past their TTL until it deletes them.
 */
public final class FakeReplayGuard extends FakePort implements ReplayGuard {

  private record Entry(boolean done, String claimant, long pendingUntilMillis, long expirySecond) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final List<Duration> ttls = new ArrayList<>();

  @Override
  public synchronized Claim claim(
      String source, String key, String claimant, Instant now, Instant pendingUntil) {
    enter("claim");
    String id = id(source, key);
    Entry entry = entries.get(id);
    boolean claimable =
        entry == null
            || entry.expirySecond() < now.getEpochSecond()
            || (!entry.done() && entry.claimant().equals(claimant));
    if (!claimable) {
      return entry.done()
          ? new Claim.Done()
          : new Claim.Pending(Instant.ofEpochMilli(entry.pendingUntilMillis()));
    }
    entries.put(
        id, new Entry(false, claimant, pendingUntil.toEpochMilli(), ceilSeconds(pendingUntil)));
    return new Claim.Claimed();
  }

  @Override
  public synchronized boolean complete(
      String source, String key, String claimant, Instant now, Duration ttl) {
    enter("complete");
    String id = id(source, key);
    Entry entry = entries.get(id);
    if (entry == null || !entry.claimant().equals(claimant)) {
      return false;
    }
    ttls.add(ttl);
    entries.put(
        id, new Entry(true, claimant, entry.pendingUntilMillis(), now.plus(ttl).getEpochSecond()));
    return true;
  }

  @Override
  public synchronized boolean release(String source, String key, String claimant) {
    enter("release");
    String id = id(source, key);
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

  /** How many delivery keys are claimed, pending or done (expired ones included, until taken). */
  public synchronized int claimed() {
    return entries.size();
  }

  /** How many delivery keys were handed on (claims completed). */
  public synchronized long done() {
    return entries.values().stream().filter(Entry::done).count();
  }

  /** The replay TTL of every successful {@link #complete}, in order. */
  public synchronized List<Duration> ttls() {
    return List.copyOf(ttls);
  }

  private static String id(String source, String key) {
    return source + "\n" + key;
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }
}
