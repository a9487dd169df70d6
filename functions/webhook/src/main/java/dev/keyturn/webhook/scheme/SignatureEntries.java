package dev.keyturn.webhook.scheme;

/**
 * A {@code webhook-signature} header decoded: space-separated {@code <version>,<base64>} entries.
 * Entries of unknown versions are skipped (a provider may add versions); entries of a known version
 * whose value does not decode to the right length are skipped too, as the reference libraries do.
 */
record SignatureEntries(ExpectedSignatures hmac, ExpectedSignatures ed25519) {

  private static final int HMAC_SHA256_LENGTH = 32;

  /** The usable entries, or null when there are none or too many to be honest. */
  static SignatureEntries parse(String header) {
    ExpectedSignatures hmac = new ExpectedSignatures();
    ExpectedSignatures ed25519 = new ExpectedSignatures();
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
        addEntry(header, start, end, hmac, ed25519);
      }
      start = end + 1;
    }
    return hmac.isEmpty() && ed25519.isEmpty() ? null : new SignatureEntries(hmac, ed25519);
  }

  private static void addEntry(
      String header, int start, int end, ExpectedSignatures hmac, ExpectedSignatures ed25519) {
    int comma = header.indexOf(',', start);
    if (comma < 0 || comma >= end) {
      return;
    }
    if (isVersion(header, start, comma, "v1")) {
      byte[] value = Codecs.base64Decode(header, comma + 1, end);
      if (value != null && value.length == HMAC_SHA256_LENGTH) {
        hmac.add(value);
      }
    } else if (isVersion(header, start, comma, "v1a")) {
      byte[] value = Codecs.base64Decode(header, comma + 1, end);
      if (value != null && value.length == Ed25519Keys.SIGNATURE_LENGTH) {
        ed25519.add(value);
      }
    }
  }

  private static boolean isVersion(String header, int start, int end, String version) {
    return end - start == version.length() && header.startsWith(version, start);
  }
}
