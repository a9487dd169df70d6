package dev.keyturn.testing.fakes;

import dev.keyturn.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leases in a map, with {@code DynamoLeaseStore}'s conditions: a lease is free when absent or when
 * its end lies before now (to the millisecond, as stored); taking it adds one to the resource's
 * version (the fencing token), which never goes back, released or not; asking again as the holder
 * of a live lease gets that lease back (what the adapter does when the SDK retries its own applied
 * update); a renewal succeeds only while the owner and version are still the caller's (run out but
 * not taken over counts); release frees the lease only while the releasing owner holds it at that
 * version. An expired lease stays until someone takes it over or releases it.
 */
public final class FakeLeaseStore extends FakePort implements LeaseStore {

  private final Map<String, Lease> leases = new HashMap<>();
  private final Map<String, Long> versions = new HashMap<>();

  @Override
  public synchronized Optional<Lease> acquire(
      String resource, String owner, Duration ttl, Instant now) {
    enter("acquire");
    Lease held = leases.get(resource);
    if (held != null && held.until().toEpochMilli() >= now.toEpochMilli()) {
      return held.owner().equals(owner)
          ? Optional.of(
              new Lease(
                  resource,
                  owner,
                  Instant.ofEpochMilli(held.until().toEpochMilli()),
                  held.version()))
          : Optional.empty();
    }
    long version = versions.merge(resource, 1L, Long::sum);
    Lease lease = new Lease(resource, owner, now.plus(ttl), version);
    leases.put(resource, lease);
    return Optional.of(lease);
  }

  @Override
  public synchronized Optional<Lease> renew(Lease lease, Duration ttl, Instant now) {
    enter("renew");
    if (!holds(lease)) {
      return Optional.empty();
    }
    Lease renewed = new Lease(lease.resource(), lease.owner(), now.plus(ttl), lease.version());
    leases.put(lease.resource(), renewed);
    return Optional.of(renewed);
  }

  @Override
  public synchronized void release(Lease lease) {
    enter("release");
    if (holds(lease)) {
      leases.remove(lease.resource());
    }
  }

  private boolean holds(Lease lease) {
    Lease held = leases.get(lease.resource());
    return held != null && held.owner().equals(lease.owner()) && held.version() == lease.version();
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
