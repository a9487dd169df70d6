package dev.keyturn.sync;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.MetricRecord;
import java.util.Optional;

/** What a sync publishes: one record per invocation that published (not dry runs, not ignored). */
final class SyncMetrics {

  private SyncMetrics() {}

  /**
   * VarsChanged (set + removed over changed targets), Releases (patched Heroku apps: one PATCH
   * makes one release), DriftRepaired, SyncFailures (failed targets), SyncDeferred (busy or
   * deferred targets).
   */
  static Optional<MetricRecord> of(SyncReport report) {
    if (report.dryRun() || report.ignored() != null) {
      return Optional.empty();
    }
    long varsChanged = 0;
    long releases = 0;
    long drift = 0;
    long failed = 0;
    long deferred = 0;
    for (AppResult app : report.apps()) {
      switch (app.outcome()) {
        case PATCHED -> {
          varsChanged += app.set().size() + app.removed().size();
          releases += SinkKey.HEROKU.equals(app.kind()) ? 1 : 0;
          drift += app.drift().size();
        }
        case FAILED -> failed++;
        case BUSY, DEFERRED -> deferred++;
        case UNCHANGED, PLANNED -> {}
      }
    }
    return Optional.of(
        MetricRecord.of(Metric.VARS_CHANGED, varsChanged)
            .and(Metric.RELEASES, releases)
            .and(Metric.DRIFT_REPAIRED, drift)
            .and(Metric.SYNC_FAILURES, failed)
            .and(Metric.SYNC_DEFERRED, deferred));
  }
}
