package dev.keyturn.webhook.scheme;

/** Rules for delivery ids, which end up in logs, events and replay-guard keys. */
final class DeliveryIds {

  /** Far above any provider's ids, far below DynamoDB's 1 KiB sort-key limit. */
  static final int MAX_LENGTH = 256;

  private DeliveryIds() {}

  /** Printable ASCII without spaces, 1 to {@link #MAX_LENGTH} characters. */
  static boolean isWellFormed(String id) {
    return isWellFormedWithout(id, ' ');
  }

  /** {@link #isWellFormed} and free of one more printable character, in a single pass. */
  static boolean isWellFormedWithout(String id, char forbidden) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c > '~' || c == forbidden) {
        return false;
      }
    }
    return true;
  }

  /**
   * An unsigned id header is only a label: keep it when well-formed, drop it (null) otherwise
   * rather than reject a delivery whose signature is fine.
   */
  static String unsignedLabel(String id) {
    return isWellFormed(id) ? id : null;
  }
}
