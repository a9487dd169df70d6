package dev.keyturn.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What sync last published to each Heroku config var, and which releases are confirmed. */
public interface SyncStateStore {

  /** The recorded state of every var of an app, by var name. */
  Map<String, VarState> vars(String app);

  /** Records vars published in one release. */
  void recordPublished(String app, List<VarState> vars);

  /**
   * Drops the records of vars keyturn deleted from the app (a finished rename): they are no longer
   * keyturn's, so a var of that name set by hand later is left alone.
   */
  void forget(String app, List<String> vars);

  /**
   * Marks a release as confirmed (a verified Heroku {@code api:release} webhook said so). Heroku
   * may report one release more than once (its {@code create} and {@code update} deliveries, or a
   * retry); only the first report confirms it.
   */
  ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at);

  /** What {@link #confirmRelease} found. */
  enum ReleaseConfirmation {
    /** A release keyturn recorded, confirmed by this call. */
    CONFIRMED,
    /** A release keyturn recorded and an earlier report already confirmed. */
    ALREADY_CONFIRMED,
    /** No var keyturn recorded was published in this release. */
    UNKNOWN
  }

  /**
   * The state of one var.
   *
   * @param app the Heroku app
   * @param var the config var name
   * @param secretName the inventory entry published there
   * @param sourceVersion the Secrets Manager version id or SSM version that was published
   * @param releaseId the Heroku release the PATCH created
   * @param releaseVersion that release's version number
   * @param syncedAt when it was published
   * @param confirmedAt when Heroku confirmed the release (null until then)
   */
  record VarState(
      String app,
      String var,
      String secretName,
      String sourceVersion,
      String releaseId,
      Integer releaseVersion,
      Instant syncedAt,
      Instant confirmedAt) {}
}
