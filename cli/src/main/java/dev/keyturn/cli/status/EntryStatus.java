package dev.keyturn.cli.status;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code keyturn status}: names, dates and version ids, never a value.
 *
 * @param name the inventory entry
 * @param vendor the taxonomy vendor code (the name's first part)
 * @param mode how it rotates: {@code generated}, {@code vendor}, {@code operator}, {@code none}
 * @param consumers the {@code consumer} tag values
 * @param source where the value lives
 * @param rotation cadence, last rotation and next due date
 * @param inFlight an unfinished Secrets Manager rotation (AWSPENDING on another version), or null
 * @param expiry the token's {@code expiresAt}
 * @param sinks where the value is published, with what was last published there
 * @param drift the worst drift of the Heroku sinks ({@link SinkStatus#drift()}), or null without
 * @param retireTasks open retire-at-vendor tasks (old credentials still to revoke), oldest first
 * @param lifecycle where keyturn's last completed rotation of the entry stands, or null without one
 * @param webhooks the webhook sources signed with the entry's secret: which version each sender
 *     last signed with (and was pushed, for a sender with an API)
 * @param refusal why the next automatic rotation is refused (a sender without an API is not seen
 *     signing with the current version, or a vendor-issued credential's last rotation is not yet
 *     confirmed; {@code keyturn rotate NAME --force} overrides once), or null
 */
public record EntryStatus(
    String name,
    String vendor,
    String mode,
    List<String> consumers,
    SourceStatus source,
    RotationStatus rotation,
    InFlight inFlight,
    ExpiryStatus expiry,
    List<SinkStatus> sinks,
    String drift,
    List<RetireTaskStatus> retireTasks,
    LifecycleStatus lifecycle,
    List<WebhookSourceStatus> webhooks,
    String refusal) {

  public EntryStatus {
    consumers = List.copyOf(consumers);
    sinks = List.copyOf(sinks);
    retireTasks = List.copyOf(retireTasks);
    webhooks = List.copyOf(webhooks);
  }

  /**
   * One webhook source signed with the entry's secret. Names and version ids only.
   *
   * @param source the webhook source ({@code POST /webhooks/{source}})
   * @param scheme its signature scheme
   * @param sender the sender keyturn pushes to ({@code heroku:app/id}, {@code github:repo/id}), or
   *     null when the sender has no API
   * @param lastSignedWith the version the sender last signed a verified delivery with, or null when
   *     never seen
   * @param lastSignedAt when
   * @param pushedVersion for a sender with an API: the version keyturn last pushed to it, or null
   * @param pushedAt when
   * @param onCurrent whether the sender is on the current version (pushed, for a sender with an
   *     API; last seen signing with it, for one without)
   */
  public record WebhookSourceStatus(
      String source,
      String scheme,
      String sender,
      String lastSignedWith,
      Instant lastSignedAt,
      String pushedVersion,
      Instant pushedAt,
      boolean onCurrent) {}

  /**
   * An old credential to revoke at the vendor, left by an operator-assisted rotation.
   *
   * @param task the task in one line ("revoke the old Alpaca key at ... by 2026-06-01")
   * @param oldVersion the version that held it
   * @param newVersion the version that replaced it
   * @param dueBy when it must be revoked
   * @param overdue whether that date has passed
   */
  public record RetireTaskStatus(
      String task, String oldVersion, String newVersion, Instant dueBy, boolean overdue) {}

  /**
   * The life cycle of the entry's last completed rotation ({@code ROTATION#<token>}).
   *
   * @param stage {@code finished}, {@code published}, {@code confirmed} or {@code retired}
   * @param version the version the rotation made current
   * @param since when the stage was reached
   * @param ageSeconds how long ago that was, when status ran
   * @param stuck not {@code confirmed} within {@code keyturn.lifecycle.confirm-deadline} of
   *     finishing (the {@code RotationsStuck} alarm's condition)
   */
  public record LifecycleStatus(
      String stage, String version, Instant since, long ageSeconds, boolean stuck) {}

  /**
   * @param kind {@code secrets-manager} or {@code ssm}
   * @param id the name/ARN or parameter path
   * @param version the current version id (AWSCURRENT, or the parameter version); null if missing
   * @param exists false when the secret or parameter is not there
   */
  public record SourceStatus(String kind, String id, String version, boolean exists) {}

  /**
   * @param cadence the {@code rotation} tag ({@code 90d}, {@code non-rotating}, ...)
   * @param lastRotated keyturn's last completed rotation, else when the source last changed
   * @param lastRotatedBy {@code keyturn} or {@code source} (which of the two {@code lastRotated}
   *     is)
   * @param nextDue lastRotated plus the cadence; null without a cadence or a date
   * @param due the cadence has elapsed (or a rotating entry has no date at all)
   */
  public record RotationStatus(
      String cadence, Instant lastRotated, String lastRotatedBy, Instant nextDue, boolean due) {}

  /**
   * A rotation that has not finished: Secrets Manager is retrying it, or it is stuck.
   *
   * @param version the AWSPENDING version (the rotation's token)
   * @param step the last step its ROTATION record reached, or null without a record
   * @param status {@code ok}, {@code failed}, ... of that step, or null without a record
   * @param error the failure's name when it failed
   */
  public record InFlight(String version, String step, String status, String error) {}

  /**
   * @param expiresAt as written: an instant, {@code non-expiring}, or null
   * @param at the expiry instant, when there is one
   * @param daysLeft whole days until it (negative when past), when there is one
   * @param expiring within 14 days or past
   * @param expired past
   */
  public record ExpiryStatus(
      String expiresAt, Instant at, Long daysLeft, boolean expiring, boolean expired) {}

  /**
   * @param kind {@code heroku} or {@code dotenv}
   * @param target the Heroku app or the .env file
   * @param var the config var / variable
   * @param lastSync when keyturn last published it (Heroku only)
   * @param releaseVersion the Heroku release that publish made
   * @param releaseId that release's id
   * @param confirmedAt when Heroku's release webhook confirmed it
   * @param publishedVersion the source version published there
   * @param drift {@code in-sync}, {@code behind} (the source has a newer version), {@code
   *     never-synced}, {@code source-missing}; null for dotenv sinks (keyturn keeps no state)
   * @param herokuMatches with {@code --check-heroku}: whether Heroku holds the source's current
   *     value; else null
   */
  public record SinkStatus(
      String kind,
      String target,
      String var,
      Instant lastSync,
      Integer releaseVersion,
      String releaseId,
      Instant confirmedAt,
      String publishedVersion,
      String drift,
      Boolean herokuMatches) {

    SinkStatus withHerokuMatches(Boolean matches) {
      return new SinkStatus(
          kind,
          target,
          var,
          lastSync,
          releaseVersion,
          releaseId,
          confirmedAt,
          publishedVersion,
          drift,
          matches);
    }
  }
}
