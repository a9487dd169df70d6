package dev.keyturn.webhook.scheme;

import java.time.Instant;

/** Unix-seconds timestamps as providers send them, and the tolerance window around now. */
final class Timestamps {

  /** Returned by {@link #parseSeconds} for text that is not a plain decimal number. */
  static final long MALFORMED = -1;

  /** Returned by {@link #parseSeconds} for a number too large for a long: never in tolerance. */
  static final long TOO_LARGE = Long.MAX_VALUE;

  static final long DEFAULT_TOLERANCE_SECONDS = 300;
  static final long MAX_TOLERANCE_SECONDS = 86_400;

  private Timestamps() {}

  /** ASCII digits only (no sign, no spaces); {@link #MALFORMED} or {@link #TOO_LARGE} otherwise. */
  static long parseSeconds(String text) {
    if (text == null || text.isEmpty()) {
      return MALFORMED;
    }
    long value = 0;
    boolean overflow = false;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return MALFORMED;
      }
      if (value > (Long.MAX_VALUE - digit) / 10) {
        overflow = true;
      } else {
        value = value * 10 + digit;
      }
    }
    return overflow ? TOO_LARGE : value;
  }

  /** True when {@code seconds} is at most {@code tolerance} away from now, in either direction. */
  static boolean withinTolerance(long seconds, Instant now, long toleranceSeconds) {
    // |now| <= ~3.2e16 for any Instant and tolerance <= one day, so neither side overflows
    long nowSeconds = now.getEpochSecond();
    return seconds >= nowSeconds - toleranceSeconds && seconds <= nowSeconds + toleranceSeconds;
  }
}
