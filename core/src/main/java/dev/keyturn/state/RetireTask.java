package dev.keyturn.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What an operator-assisted rotation leaves to a person: revoke the old credential at the vendor,
 * once the new one is in use everywhere. Open until {@code keyturn retired NAME} closes it; the
 * sweep alarms when one is past {@code dueBy}. Names, version ids and dates; never a value.
 *
 * @param secretName the inventory entry
 * @param vendor who issued the credential, e.g. {@code Alpaca}
 * @param dashboard where to revoke it (seed 002's provisioning table)
 * @param oldVersion the version that held the credential to revoke
 * @param newVersion the version that replaced it
 * @param createdAt when the rotation recorded the task
 * @param dueBy when the old credential must be revoked
 * @param closedAt when it was reported done, or null while open
 * @param closedBy who reported it, or null while open
 */
public record RetireTask(
    String secretName,
    String vendor,
    String dashboard,
    String oldVersion,
    String newVersion,
    Instant createdAt,
    Instant dueBy,
    Instant closedAt,
    String closedBy) {

  public boolean open() {
    return closedAt == null;
  }

  public boolean overdue(Instant now) {
    return open() && !now.isBefore(dueBy);
  }

  /** The task in one line: "revoke the old Alpaca key at <dashboard> by 2026-06-01". */
  public String describe() {
    return "revoke the old "
        + vendor
        + " key at "
        + dashboard
        + " by "
        + LocalDate.ofInstant(dueBy, ZoneOffset.UTC);
  }

  /** This task, closed. */
  public RetireTask closed(Instant at, String by) {
    return new RetireTask(
        secretName, vendor, dashboard, oldVersion, newVersion, createdAt, dueBy, at, by);
  }
}
