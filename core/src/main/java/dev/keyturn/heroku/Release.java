package dev.keyturn.heroku;

import java.util.Locale;

/**
 * A Heroku release.
 *
 * @param id the release UUID
 * @param version the app's release number (v42)
 * @param status Heroku's {@code status}: {@code pending} while a release phase runs, then {@code
 *     succeeded} or {@code failed} (or {@code expired}); null when the answer had none
 */
public record Release(String id, int version, String status) {

  public Release(String id, int version) {
    this(id, version, null);
  }

  /** Whether the release took effect: its dynos restart with the new config. */
  public boolean succeeded() {
    return "succeeded".equals(normalized());
  }

  /** Whether the release ended without taking effect ({@code failed} or {@code expired}). */
  public boolean failed() {
    String s = normalized();
    return "failed".equals(s) || "expired".equals(s);
  }

  /** Neither succeeded nor failed yet (or the status is unknown). */
  public boolean pending() {
    return !succeeded() && !failed();
  }

  private String normalized() {
    return status == null ? null : status.toLowerCase(Locale.ROOT);
  }
}
