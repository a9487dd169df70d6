package dev.keyturn.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What sync last published to each variable of each target, and which Heroku releases are
 * confirmed. A target is named by its key ({@link dev.keyturn.inventory.SinkKey}): a Heroku app's
 * bare name, else {@code <kind>:<name>}; the methods' {@code app} parameter is that key.
 */
public interface SyncStateStore {

  /** The recorded state of every var of a target, by var name. */
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
   * retry); only the first report confirms it. Vars published without reading their release (the
   * sync reads it only when someone waits for it) are release-pending: the first succeeded release
   * reported after they were published carries them, so it confirms them and becomes their release.
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
   * @param app the target key (a Heroku app's name, or {@code <kind>:<name>})
   * @param var the config var name
   * @param secretName the inventory entry published there
   * @param sourceVersion the Secrets Manager version id or SSM version that was published
   * @param releaseId the Heroku release the PATCH created; null when not read (release pending)
   * @param releaseVersion that release's version number
   * @param syncedAt when it was published
   * @param confirmedAt when Heroku confirmed the release (null until then)
   * @param digest for targets that never return values (GitHub, Cloudflare): a keyed digest
   *     (HMAC-SHA256 under the deployment's digest key) of what was published, never the value or a
   *     plain hash of it; null for targets keyturn can read back
   * @param remoteUpdatedAt the target's own {@code updated_at} for the var as first seen after
   *     keyturn wrote it (a later one means someone else wrote it); null when unknown
   */
  record VarState(
      String app,
      String var,
      String secretName,
      String sourceVersion,
      String releaseId,
      Integer releaseVersion,
      Instant syncedAt,
      Instant confirmedAt,
      String digest,
      Instant remoteUpdatedAt) {

    public VarState(
        String app,
        String var,
        String secretName,
        String sourceVersion,
        String releaseId,
        Integer releaseVersion,
        Instant syncedAt,
        Instant confirmedAt) {
      this(
          app,
          var,
          secretName,
          sourceVersion,
          releaseId,
          releaseVersion,
          syncedAt,
          confirmedAt,
          null,
          null);
    }

    /** Published, but which release carries it is not known yet. */
    public boolean releasePending() {
      return dev.keyturn.inventory.SinkKey.HEROKU.equals(dev.keyturn.inventory.SinkKey.kind(app))
          && releaseId == null
          && confirmedAt == null
          && syncedAt != null;
    }
  }
}
