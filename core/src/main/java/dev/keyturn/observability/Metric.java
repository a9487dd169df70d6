package dev.keyturn.observability;

/**
 * Every metric keyturn publishes, in CloudWatch namespace {@value EmfMetrics#NAMESPACE}. All are
 * counts. Each record carries the dimension {@code FunctionName}; a metric with an extra dimension
 * ({@code Step}, {@code Reason}) is also published under {@code FunctionName} alone, so one alarm
 * covers every value of the extra dimension.
 *
 * <p>{@link #alarmed()} marks the metrics that alarm (template.yaml has one alarm for each): every
 * failure, plus the warnings a person must act on (expiring tokens, overdue retire tasks).
 */
public enum Metric {
  /** rotate: a Secrets Manager rotation completed (finishSecret); sweep: parameters rotated. */
  ROTATIONS_SUCCEEDED("RotationsSucceeded", false),
  /** rotate: a rotation step failed or was refused; dimension {@code Step}. */
  ROTATIONS_FAILED("RotationsFailed", true),
  /**
   * rotate and sweep: rotations refused before anything was written because a webhook sender
   * keyturn cannot reach is not seen signing with the current version. Not alarmed on its own: the
   * rotation before it is then not {@code confirmed}, which {@code RotationsStuck} alarms on.
   */
  ROTATIONS_REFUSED("RotationsRefused", false),
  /** sweep: entries whose rotation, lookup or expiry alert failed in one sweep. */
  SWEEP_FAILURES("SweepFailures", true),
  /**
   * sweep (the rotation life cycle): completed rotations not {@code confirmed} within the deadline
   * ({@code keyturn.lifecycle.confirm-deadline}), counted on every sweep while they stay so.
   */
  ROTATIONS_STUCK("RotationsStuck", true),
  /** sweep (the rotation life cycle): rotations whose old credential or version was retired. */
  ROTATIONS_RETIRED("RotationsRetired", false),
  /** sweep: entries whose {@code expiresAt} is within the warning window or past. */
  SECRETS_EXPIRING("SecretsExpiring", true),
  /**
   * sweep: retire-at-vendor tasks past their date: an old credential an operator-assisted rotation
   * replaced is still not revoked at the vendor ({@code keyturn retired NAME} closes the task).
   */
  RETIRE_TASKS_OVERDUE("RetireTasksOverdue", true),
  /** sync: config vars set or removed on Heroku. */
  VARS_CHANGED("VarsChanged", false),
  /** sync: Heroku releases made (one per PATCH, so one per changed app). */
  RELEASES("Releases", false),
  /**
   * sync: Heroku releases its PATCHes made that Heroku reported {@code failed} (or {@code expired})
   * while sync polled them: the dynos do not run the new values.
   */
  RELEASE_FAILURES("ReleaseFailures", true),
  /** sync: vars changed out of band on Heroku and put back. */
  DRIFT_REPAIRED("DriftRepaired", false),
  /** sync: apps left out of line (source missing, conflicting bindings, Heroku error). */
  SYNC_FAILURES("SyncFailures", true),
  /** sync: apps not attempted (lease held elsewhere, Heroku budget low); retried by Lambda. */
  SYNC_DEFERRED("SyncDeferred", false),
  /** webhook: deliveries whose signature verified and that were forwarded. */
  WEBHOOKS_VERIFIED("WebhooksVerified", false),
  /**
   * webhook: deliveries refused; dimension {@code Reason}, the webhook function's reason code (an
   * enum name: {@code SIGNATURE_MISMATCH}, {@code UNKNOWN_SOURCE}, ... {@code VERIFIER_FAILURE}).
   */
  WEBHOOKS_REJECTED("WebhooksRejected", true),
  /** webhook: verified deliveries already seen (a provider's retry); answered, not forwarded. */
  WEBHOOK_DUPLICATES("WebhookDuplicates", false),
  /**
   * webhook: verified deliveries whose sender sighting could not be written (the delivery was
   * forwarded; a later delivery on the same version writes it). Not alarmed: a sender never seen on
   * the new version keeps its rotation from {@code confirmed}, which {@code RotationsStuck} alarms.
   */
  WEBHOOK_SIGHTING_FAILURES("WebhookSightingFailures", false),
  /** webhook: Heroku {@code api:release} deliveries that confirmed a release sync made. */
  RELEASES_CONFIRMED("ReleasesConfirmed", false);

  private final String metricName;
  private final boolean alarmed;

  Metric(String metricName, boolean alarmed) {
    this.metricName = metricName;
    this.alarmed = alarmed;
  }

  /** The CloudWatch metric name. */
  public String metricName() {
    return metricName;
  }

  /** The CloudWatch unit: every keyturn metric counts something. */
  public String unit() {
    return "Count";
  }

  /**
   * Whether a non-zero value needs a person (something failed, a token expires, an old credential
   * is still not revoked), so an alarm watches it.
   */
  public boolean alarmed() {
    return alarmed;
  }
}
