package dev.keyturn.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Short leases so that one worker at a time acts on a resource (e.g. one sync per app). */
public interface LeaseStore {

  /**
   * Takes the lease if it is free or expired.
   *
   * @return the lease, or empty when someone else holds it
   */
  Optional<Lease> acquire(String resource, String owner, Duration ttl, Instant now);

  /** Gives a lease back early; a lease taken over by someone else since is left alone. */
  void release(Lease lease);

  /** A held lease. */
  record Lease(String resource, String owner, Instant until) {}
}
