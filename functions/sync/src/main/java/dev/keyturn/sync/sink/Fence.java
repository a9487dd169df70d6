package dev.keyturn.sync.sink;

/**
 * Run by an adapter before every write to a target (a Heroku PATCH, a GitHub PUT or DELETE, a
 * Cloudflare PUT or DELETE, a {@code .env} rewrite): sync renews the target's lease, conditionally
 * on it still being this invocation's at its version, and throws {@link LeaseLostException} when it
 * is not. So a slow holder (a paused Lambda, a laptop) never writes values it read before a newer
 * sync ran.
 */
@FunctionalInterface
public interface Fence {

  /** No lease guards the writes (nothing else can write the target, e.g. a test). */
  Fence NONE = () -> {};

  /**
   * Returns when the caller may write now.
   *
   * @throws LeaseLostException when the target's lease is no longer the caller's
   */
  void check();
}
