package dev.keyturn.sync;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.LeaseStore.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-target leases one invocation holds, so two invocations never write the same target at
 * once. Taken in sorted key order (callers pass a sorted collection), so two invocations that wait
 * for each other's targets cannot deadlock; a target still held by someone else after the wait is
 * busy. The lease resource is {@code <kind>#<name>} ({@code heroku#<app>} as before).
 */
final class AppLeases implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final LeaseStore store;
  private final Map<String, Lease> held = new LinkedHashMap<>();

  private AppLeases(LeaseStore store) {
    this.store = store;
  }

  static AppLeases acquire(
      LeaseStore store,
      Collection<String> sortedApps,
      String owner,
      SyncSettings settings,
      Clock clock) {
    AppLeases leases = new AppLeases(store);
    long deadline = System.nanoTime() + settings.leaseWait().toNanos();
    for (String app : sortedApps) {
      leases.take(app, owner, settings.leaseTtl(), clock, deadline);
    }
    return leases;
  }

  private void take(String app, String owner, Duration ttl, Clock clock, long deadline) {
    while (true) {
      Optional<Lease> lease = store.acquire(resource(app), owner, ttl, clock.instant());
      if (lease.isPresent()) {
        held.put(app, lease.get());
        return;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String resource(String target) {
    return SinkKey.kind(target) + "#" + SinkKey.name(target);
  }

  Set<String> apps() {
    return held.keySet();
  }

  boolean holds(String app) {
    return held.containsKey(app);
  }

  void release(String app) {
    Lease lease = held.remove(app);
    if (lease != null) {
      store.release(lease);
    }
  }

  @Override
  public void close() {
    for (String app : Set.copyOf(held.keySet())) {
      release(app);
    }
  }
}
