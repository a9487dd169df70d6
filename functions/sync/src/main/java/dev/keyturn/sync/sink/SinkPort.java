package dev.keyturn.sync.sink;

import java.util.Map;

/**
 * Where sync publishes: one adapter per kind of target (Heroku app, GitHub repository or
 * environment, Cloudflare Worker, {@code .env} file). Sync reads what a target holds, plans against
 * it, applies the plan in as few calls as the target allows, and reports what consumers must do.
 * Everything else — leases, batched source reads, planning, drift, renames, state, audit — is the
 * same for every kind.
 *
 * <p>Adapters throw {@link SinkDeferredException} when the target's request budget cannot cover the
 * work (nothing more should start on this kind), and {@link SinkCallException} when a call failed.
 * Both name what was already written, so nothing is half-applied unreported.
 */
public interface SinkPort {

  /** The inventory sink kind this adapter publishes ({@link dev.keyturn.inventory.SinkKey}). */
  String kind();

  /**
   * Whether {@link #read} returns values. Targets that never give values back (GitHub, Cloudflare)
   * are compared against a keyed digest of what keyturn published instead.
   */
  boolean readsValues();

  /** What a consumer of this target must do to see a new value. */
  ConsumerAction consumerAction();

  /**
   * Every variable the target holds now, by name; with values only when {@link #readsValues()}.
   * Refuses (with {@link SinkDeferredException}) to start a target the budget cannot finish.
   *
   * @param target the target's name within its kind ({@link dev.keyturn.inventory.SinkKey#name})
   */
  Map<String, RemoteVar> read(String target);

  /**
   * Sets (non-null value) and deletes (null) variables, in as few calls as the target allows, never
   * applying the same change twice.
   *
   * @param releaseNow someone waits for the consumer-side evidence (a Heroku release) now; else it
   *     may arrive later (the api:release webhook)
   */
  Applied apply(String target, Map<String, String> changes, boolean releaseNow);
}
