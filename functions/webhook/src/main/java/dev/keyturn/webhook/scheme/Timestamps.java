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
    return text == null ? MALFORMED : parseSeconds(text, 0, text.length());
  }

  /**
   * {@link #parseSeconds(String)} of the region {@code [from, to)} of {@code text}, read in place
   * (a header's {@code t=} value needs no substring).
   */
  static long parseSeconds(String text, int from, int to) {
    int length = to - from;
    if (length <= 0) {
      return MALFORMED;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return MALFORMED;
      }
      value = value * 10 + digit; // only used while it cannot overflow: see below
    }
    if (length <= 18) {
      return value; // 18 digits always fit in a long
    }
    int leadingZeros = 0;
    while (text.charAt(from + leadingZeros) == '0' && leadingZeros < length - 1) {
      leadingZeros++;
    }
    int significant = length - leadingZeros;
    // 19 significant digits fit unless they exceed Long.MAX_VALUE, which wraps below zero (all
    // 19-digit numbers are under 2^64); 20 or more never fit
    return significant <= 18 || (significant == 19 && value >= 0) ? value : TOO_LARGE;
  }

  /** True when {@code seconds} is at most {@code tolerance} away from now, in either direction. */
  static boolean withinTolerance(long seconds, Instant now, long toleranceSeconds) {
    // |now| <= ~3.2e16 for any Instant and tolerance <= one day, so neither side overflows
    long nowSeconds = now.getEpochSecond();
    return seconds >= nowSeconds - toleranceSeconds && seconds <= nowSeconds + toleranceSeconds;
  }
}
