package dev.keyturn.testing.fakes;

import dev.keyturn.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leases in a map, with {@code DynamoLeaseStore}'s conditions: a lease is free when absent or when
 * its end lies before now (to the millisecond, as stored); asking again as the holder of a live
 * lease gets that lease back (what the adapter does when the SDK retries its own applied put);
 * release deletes the lease only while the releasing owner holds it. An expired lease stays until
 * someone takes it over or releases it, as the item stays until the table's TTL removes it.
 */
public final class FakeLeaseStore extends FakePort implements LeaseStore {

  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized Optional<Lease> acquire(
      String resource, String owner, Duration ttl, Instant now) {
    enter("acquire");
    Lease held = leases.get(resource);
    if (held != null && held.until().toEpochMilli() >= now.toEpochMilli()) {
      return held.owner().equals(owner)
          ? Optional.of(
              new Lease(resource, owner, Instant.ofEpochMilli(held.until().toEpochMilli())))
          : Optional.empty();
    }
    Lease lease = new Lease(resource, owner, now.plus(ttl));
    leases.put(resource, lease);
    return Optional.of(lease);
  }

  @Override
  public synchronized void release(Lease lease) {
    enter("release");
    Lease held = leases.get(lease.resource());
    if (held != null && held.owner().equals(lease.owner())) {
      leases.remove(lease.resource());
    }
  }

  /** Whether a lease (live or expired) is stored for the resource. */
  public synchronized boolean leased(String resource) {
    return leases.containsKey(resource);
  }

  /** The stored lease of the resource, live or expired. */
  public synchronized Optional<Lease> lease(String resource) {
    return Optional.ofNullable(leases.get(resource));
  }
}
