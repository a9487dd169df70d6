package dev.keyturn.sync;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.LeaseStore.Lease;
import dev.keyturn.sync.sink.Fence;
import dev.keyturn.sync.sink.LeaseLostException;
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
 * busy. The lease resource is {@code <kind>#<name>} ({@code heroku#<app>} as before). Every write
 * to a target is fenced ({@link #fence}): the lease is renewed first, conditionally on still being
 * ours at its version, so a holder whose lease ran out and was taken by a newer sync writes nothing
 * more.
 */
final class AppLeases implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppLeases.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final LeaseStore store;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Lease> held = new LinkedHashMap<>();

  private AppLeases(LeaseStore store, Duration ttl, Clock clock) {
    this.store = store;
    this.ttl = ttl;
    this.clock = clock;
  }

  static AppLeases acquire(
      LeaseStore store,
      Collection<String> sortedApps,
      String owner,
      SyncSettings settings,
      Clock clock) {
    AppLeases leases = new AppLeases(store, settings.leaseTtl(), clock);
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

  /**
   * Renews the target's lease before a write: only while it is still ours at its version. A lease
   * lost is dropped (it is someone else's now: never released by us) and the write refused.
   */
  Fence fence(String app) {
    return () -> {
      Lease lease = held.get(app);
      Optional<Lease> renewed =
          lease == null ? Optional.empty() : store.renew(lease, ttl, clock.instant());
      if (renewed.isEmpty()) {
        held.remove(app);
        LOG.warn("sync target={} lease lost (taken over since): nothing more written", app);
        throw new LeaseLostException();
      }
      held.put(app, renewed.get());
    };
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
