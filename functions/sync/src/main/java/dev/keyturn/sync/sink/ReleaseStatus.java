package dev.keyturn.sync.sink;

import java.util.Locale;

/** Where a release a target made stands (Heroku: {@code GET /apps/{app}/releases/{id}}). */
public enum ReleaseStatus {
  /** Its release phase still runs (or its status is not known yet). */
  PENDING,
  /** It took effect: consumers use the new values. */
  SUCCEEDED,
  /** It ended without taking effect ({@code failed} or {@code expired}). */
  FAILED;

  /** As reports and audit events name it: {@code pending}, {@code succeeded}, {@code failed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Done waiting: succeeded or failed. */
  public boolean settled() {
    return this != PENDING;
  }
}
