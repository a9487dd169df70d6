package dev.keyturn.evidence;

import java.time.Instant;

/**
 * One row of the rotation matrix: names and dates, never a value.
 *
 * @param name the inventory entry
 * @param mode how it rotates ({@code generated}, {@code vendor}, {@code operator}, {@code none})
 * @param cadence the {@code rotation} tag ({@code 90d}, {@code non-rotating}, ...)
 * @param cadenceDays the cadence in days; null when it does not rotate on a clock
 * @param lastRotated keyturn's last completed rotation, else when the source last changed
 * @param lastRotatedBy {@code keyturn} or {@code source}
 * @param nextDue lastRotated plus the cadence
 * @param overdue the cadence has elapsed
 * @param stage the entry's life-cycle stage
 * @param ageDays whole days since lastRotated; null without a date
 */
public record MatrixRow(
    String name,
    String mode,
    String cadence,
    Long cadenceDays,
    Instant lastRotated,
    String lastRotatedBy,
    Instant nextDue,
    boolean overdue,
    String stage,
    Long ageDays) {}
