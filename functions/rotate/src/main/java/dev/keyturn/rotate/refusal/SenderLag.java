package dev.keyturn.rotate.refusal;

import java.time.Duration;
import java.time.Instant;

/**
 * A webhook source whose sender (one without an API) is not seen signing with the secret's current
 * version. Names and version ids only.
 *
 * @param source the webhook source
 * @param lastVersion the version its sender last signed with, or null when never seen
 * @param lastSeen when, or null when never seen
 */
public record SenderLag(String source, String lastVersion, Instant lastSeen) {

  /**
   * Why a rotation is refused, e.g. "sender of fs-support last signed with version v1 (2h ago)".
   */
  public String reason(Instant now) {
    if (lastVersion == null) {
      return "sender of "
          + source
          + " was never seen signing, and the secret still has an older version it may hold";
    }
    return "sender of "
        + source
        + " last signed with version "
        + lastVersion
        + " ("
        + ago(Duration.between(lastSeen, now))
        + ")";
  }

  static String ago(Duration d) {
    if (d.isNegative() || d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + "m ago";
    }
    if (d.toDays() < 2) {
      return d.toHours() + "h ago";
    }
    return d.toDays() + "d ago";
  }
}
