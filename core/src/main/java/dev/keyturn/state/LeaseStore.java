package dev.keyturn.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Short leases so that one worker at a time acts on a resource (e.g. one sync per app), with
 * fencing: every lease carries a version (a fencing token) that grows each time the resource is
 * taken, and a holder renews its lease, conditionally on still holding it at that version, before
 * every write it guards. A slow holder (a paused Lambda, a laptop) whose lease ran out and was
 * taken by someone else therefore fails its renewal and writes nothing.
 */
public interface LeaseStore {

  /**
   * Takes the lease if it is free or expired, with a version one higher than the resource's last.
   *
   * @return the lease, or empty when someone else holds it
   */
  Optional<Lease> acquire(String resource, String owner, Duration ttl, Instant now);

  /**
   * Extends a held lease to {@code now + ttl}, only while it is still the caller's at the same
   * version: nobody took it over since (a lease that ran out but that nobody took is still the
   * caller's: nothing newer has run). Call before every write the lease guards.
   *
   * @return the renewed lease, or empty when it is no longer the caller's (never written then)
   */
  Optional<Lease> renew(Lease lease, Duration ttl, Instant now);

  /** Gives a lease back early; a lease taken over by someone else since is left alone. */
  void release(Lease lease);

  /**
   * A held lease.
   *
   * @param version the fencing token: higher for every later holder of the resource
   */
  record Lease(String resource, String owner, Instant until, long version) {}
}
