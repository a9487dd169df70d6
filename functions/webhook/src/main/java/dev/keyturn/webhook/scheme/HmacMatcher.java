package dev.keyturn.webhook.scheme;

import java.util.List;

/** Tries the candidate secrets, in order, against the signatures a request carries. */
final class HmacMatcher {

  /** Some candidate was a usable key, but none produced any of the signatures. */
  static final int NO_MATCH = -1;

  /** No candidate was a usable key for the scheme. */
  static final int NO_USABLE_SECRET = -2;

  private HmacMatcher() {}

  /** Index of the first candidate whose MAC is among {@code expected}, or a negative code. */
  static int firstMatch(
      MacCache macs, List<String> candidates, SignedContent content, ExpectedSignatures expected) {
    if (candidates == null) {
      return NO_USABLE_SECRET;
    }
    boolean anyUsable = false;
    for (int i = 0, n = candidates.size(); i < n; i++) {
      String candidate = candidates.get(i);
      HmacKey mac = candidate == null ? null : macs.macFor(candidate);
      if (mac != null) {
        anyUsable = true;
        if (expected.contains(content.macWith(mac))) {
          return i;
        }
      }
    }
    return anyUsable ? NO_MATCH : NO_USABLE_SECRET;
  }
}
