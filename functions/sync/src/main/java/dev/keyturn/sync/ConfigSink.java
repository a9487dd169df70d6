package dev.keyturn.sync;

import dev.keyturn.heroku.Release;
import java.util.Map;
import java.util.Optional;

/**
 * Where config vars are published (a Heroku app). Adapters throw {@link
 * dev.keyturn.heroku.RateLimitLowException} when no new work should start and {@link
 * dev.keyturn.heroku.HerokuApiException} when a call failed.
 */
public interface ConfigSink {

  /** Calls one app's sync needs at most: read, change, read the release. */
  int CALLS_PER_APP = 3;

  /** The app's config vars now. Checks the request budget first. */
  Map<String, String> read(String app);

  /**
   * Applies the changes in one request (one release): a null value deletes the key. Never applies
   * the same change twice, even when it has to retry.
   */
  void apply(String app, Map<String, String> changes);

  /** The app's newest release. */
  Optional<Release> latestRelease(String app);
}
