package dev.keyturn.sync;

import java.time.Duration;

/**
 * Tuning of the sync service.
 *
 * @param actor who audit events name ({@code keyturn.sync.actor}, default {@code keyturn-sync})
 * @param leaseTtl how long an app's lease lasts ({@code keyturn.sync.lease-ttl}, default 3m);
 *     longer than the function timeout, so a lease never runs out under a live invocation
 * @param leaseWait how long to wait for an app another invocation is syncing ({@code
 *     keyturn.sync.lease-wait}, default 5s) before reporting it busy
 */
public record SyncSettings(String actor, Duration leaseTtl, Duration leaseWait) {

  public static final SyncSettings DEFAULTS =
      new SyncSettings("keyturn-sync", Duration.ofMinutes(3), Duration.ofSeconds(5));
}
