package dev.keyturn.webhook.scheme;

/**
 * A {@code webhook-signature} header decoded: space-separated {@code <version>,<base64>} entries.
 * Entries of unknown versions are skipped (a provider may add versions); entries of a known version
 * whose value does not decode to the right length are skipped too, as the reference libraries do.
 */
record SignatureEntries(ExpectedSignatures hmac, ExpectedSignatures ed25519) {

  private static final int HMAC_SHA256_LENGTH = 32;
  private static final ExpectedSignatures NONE = new ExpectedSignatures();

  /** No ed25519 signatures (read only). */
  static final ExpectedSignatures NO_ED25519 = NONE;

  /** Length of the base64 of an HMAC-SHA256, padding included. */
  private static final int HMAC_BASE64_LENGTH = 44;

  /** Where the base64 starts in a {@link #isSingleHmac single-entry} header. */
  static final int SINGLE_HMAC_OFFSET = 3;

  /**
   * Whether the header has the shape of the usual single {@code v1,<44 base64 characters>} entry
   * (not whether those characters are valid base64). No other header of this length can hold a
   * usable entry: two entries need at least 95 characters.
   */
  static boolean isSingleHmac(String header) {
    return header.length() == SINGLE_HMAC_OFFSET + HMAC_BASE64_LENGTH && header.startsWith("v1,");
  }

  /** The usable entries, or null when there are none or too many to be honest. */
  static SignatureEntries parse(String header) {
    // the usual header is a single v1 entry: decode it directly (a space inside would fail to
    // decode)
    if (isSingleHmac(header)) {
      byte[] value = Codecs.base64Decode(header, SINGLE_HMAC_OFFSET, header.length());
      if (value != null) {
        ExpectedSignatures hmac = new ExpectedSignatures();
        hmac.add(value);
        return new SignatureEntries(hmac, NONE);
      }
    }
    return parseEntries(header);
  }

  private static SignatureEntries parseEntries(String header) {
    ExpectedSignatures hmac = NONE;
    ExpectedSignatures ed25519 = NONE;
    int entries = 0;
    int start = 0;
    int length = header.length();
    while (start < length) {
      int end = header.indexOf(' ', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (++entries > ExpectedSignatures.MAX_ENTRIES) {
          return null;
        }
        int comma = header.indexOf(',', start);
        if (comma > start && comma < end) {
          boolean hmacEntry = isVersion(header, start, comma, "v1");
          if (hmacEntry || isVersion(header, start, comma, "v1a")) {
            if (hmacEntry) {
              hmac = add(hmac, decode(header, comma + 1, end, HMAC_SHA256_LENGTH));
            } else {
              ed25519 = add(ed25519, decode(header, comma + 1, end, Ed25519Keys.SIGNATURE_LENGTH));
            }
          }
        }
      }
      start = end + 1;
    }
    return hmac.isEmpty() && ed25519.isEmpty() ? null : new SignatureEntries(hmac, ed25519);
  }

  private static byte[] decode(String header, int from, int to, int expectedLength) {
    byte[] value = Codecs.base64Decode(header, from, to);
    return value != null && value.length == expectedLength ? value : null;
  }

  /** Adds a decoded value, allocating the list on first use (most headers carry one kind). */
  private static ExpectedSignatures add(ExpectedSignatures list, byte[] value) {
    if (value == null) {
      return list;
    }
    ExpectedSignatures target = list == NONE ? new ExpectedSignatures() : list;
    target.add(value);
    return target;
  }

  private static boolean isVersion(String header, int start, int end, String version) {
    return end - start == version.length() && header.startsWith(version, start);
  }
}
