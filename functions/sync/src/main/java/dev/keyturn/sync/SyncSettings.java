package dev.keyturn.sync;

import java.time.Duration;

/**
 * Tuning of the sync service.
 *
 * @param actor who audit events name ({@code keyturn.sync.actor}, default {@code keyturn-sync})
 * @param leaseTtl how long an app's lease lasts ({@code keyturn.sync.lease-ttl}, default 3m);
 *     longer than the function timeout, so a lease never runs out under a live invocation; renewed
 *     (conditionally: the fence) before every write to the target
 * @param leaseWait how long to wait for an app another invocation is syncing ({@code
 *     keyturn.sync.lease-wait}, default 5s) before reporting it busy
 * @param releaseWait how long one sync polls the Heroku releases its PATCHes made for {@code
 *     succeeded} or {@code failed} ({@code keyturn.sync.release-wait}, default 30s; all of a sync's
 *     releases are polled together, after its targets); a release still pending then stays pending
 *     for the api:release webhook or a later sync. {@code 0} reads no release unless someone waits
 *     (the CLI), as before polling existed
 * @param releasePoll the pause between two polls of the pending releases ({@code
 *     keyturn.sync.release-poll}, default 3s)
 */
public record SyncSettings(
    String actor,
    Duration leaseTtl,
    Duration leaseWait,
    Duration releaseWait,
    Duration releasePoll) {

  public static final Duration DEFAULT_RELEASE_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RELEASE_POLL = Duration.ofSeconds(3);

  public static final SyncSettings DEFAULTS =
      new SyncSettings(
          "keyturn-sync",
          Duration.ofMinutes(3),
          Duration.ofSeconds(5),
          DEFAULT_RELEASE_WAIT,
          DEFAULT_RELEASE_POLL);

  public SyncSettings {
    if (releaseWait.isNegative() || releasePoll.isNegative() || releasePoll.isZero()) {
      throw new IllegalArgumentException(
          "keyturn.sync.release-wait must be >= 0 and keyturn.sync.release-poll > 0");
    }
  }

  /** Without release polling. */
  public SyncSettings(String actor, Duration leaseTtl, Duration leaseWait) {
    this(actor, leaseTtl, leaseWait, Duration.ZERO, DEFAULT_RELEASE_POLL);
  }

  /** Whether a sync polls its releases (and so reads each right after its PATCH). */
  public boolean pollsReleases() {
    return !releaseWait.isZero();
  }

  /** The same settings with another release budget and poll interval. */
  public SyncSettings withReleasePolling(Duration wait, Duration poll) {
    return new SyncSettings(actor, leaseTtl, leaseWait, wait, poll);
  }
}
