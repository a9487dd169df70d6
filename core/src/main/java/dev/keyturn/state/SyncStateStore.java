package dev.keyturn.state;

import dev.keyturn.inventory.SinkKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /**
   * Marks a release as failed (sync polled it and Heroku said {@code failed} or {@code expired}):
   * every var recorded in it and not confirmed gets the failure time, so it never counts as
   * confirmed. A var republished in another release since is left alone.
   *
   * @return whether any var was published in this release
   */
  boolean failRelease(String app, String releaseId, Instant at);

  /**
   * Where one version of one inventory entry stands on its sinks, for the rotation life cycle: per
   * target, whether every var recorded there for the entry is at {@code sourceVersion} (published)
   * and whether its consumers are known to use it (confirmed: a Heroku target's vars all confirmed
   * by their release — the {@code api:release} webhook or sync's polling; every other kind counts
   * as confirmed once published: GitHub needs nothing until the next workflow run, a {@code .env}
   * file is written). Built on {@link #vars}, so every store answers alike.
   *
   * @param entry the inventory entry's name ({@link VarState#secretName()})
   * @param sourceVersion the Secrets Manager version id or SSM version of the rotation
   * @param targets the target keys of the entry's sinks that publish this source
   */
  default Publication publication(String entry, String sourceVersion, Collection<String> targets) {
    Map<String, Publication.Stage> stages = new TreeMap<>();
    for (String target : targets) {
      stages.put(target, Publication.stage(target, vars(target).values(), entry, sourceVersion));
    }
    return new Publication(entry, sourceVersion, stages);
  }

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
   * @param releaseFailedAt when sync saw the release fail (Heroku {@code failed}/{@code expired});
   *     null otherwise
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
      Instant remoteUpdatedAt,
      Instant releaseFailedAt) {

    public VarState(
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
      this(
          app,
          var,
          secretName,
          sourceVersion,
          releaseId,
          releaseVersion,
          syncedAt,
          confirmedAt,
          digest,
          remoteUpdatedAt,
          null);
    }

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
      return SinkKey.HEROKU.equals(SinkKey.kind(app))
          && releaseId == null
          && confirmedAt == null
          && releaseFailedAt == null
          && syncedAt != null;
    }

    /** The same var, carried by {@code release} and confirmed at {@code at}. */
    public VarState confirmed(String release, Instant at) {
      return new VarState(
          app,
          var,
          secretName,
          sourceVersion,
          release,
          releaseVersion,
          syncedAt,
          at,
          digest,
          remoteUpdatedAt,
          releaseFailedAt);
    }

    /** The same var, its release seen failed at {@code at}. */
    public VarState releaseFailed(Instant at) {
      return new VarState(
          app,
          var,
          secretName,
          sourceVersion,
          releaseId,
          releaseVersion,
          syncedAt,
          confirmedAt,
          digest,
          remoteUpdatedAt,
          at);
    }
  }
}
