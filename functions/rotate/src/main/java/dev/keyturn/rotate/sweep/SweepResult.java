package dev.keyturn.rotate.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one sweep did.
 *
 * @param checked SSM entries looked at
 * @param rotated SSM parameters given a new value
 * @param notDue SSM entries whose cadence has not elapsed (or that do not rotate)
 * @param skipped due or unusable entries keyturn cannot rotate (no generator, not a SecureString)
 * @param failed entries whose rotation, lookup or expiry alert failed (the sweep carries on)
 * @param expiring entries whose {@code expiresAt} is within the warning window or past
 * @param retireOverdue open retire-at-vendor tasks past their date
 */
public record SweepResult(
    int checked,
    int rotated,
    int notDue,
    int skipped,
    int failed,
    int expiring,
    int retireOverdue) {

  /** The counts by name, as the handler returns them. */
  public Map<String, Integer> toMap() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("checked", checked);
    counts.put("rotated", rotated);
    counts.put("notDue", notDue);
    counts.put("skipped", skipped);
    counts.put("failed", failed);
    counts.put("expiring", expiring);
    counts.put("retireOverdue", retireOverdue);
    return counts;
  }
}
