package dev.keyturn.webhook.scheme;

/** Why a delivery was rejected. Codes are stable: they appear in logs, metrics and tests. */
public enum RejectionReason {
  /** The signature header is absent or empty. */
  MISSING_SIGNATURE(401, false),
  /** Another header the scheme signs (delivery id, timestamp) is absent or empty. */
  MISSING_HEADER(401, false),
  /** A header is present but cannot be parsed (bad format, encoding, length or characters). */
  MALFORMED_HEADER(400, false),
  /** The signed timestamp is too far in the past or the future. */
  TIMESTAMP_OUT_OF_TOLERANCE(401, false),
  /** Well-formed, but no candidate secret produced the signature. */
  SIGNATURE_MISMATCH(401, true),
  /** None of the candidate secrets is a key this scheme can use (empty list, wrong format). */
  NO_USABLE_SECRET(401, false),
  /** The verifier itself failed unexpectedly; fail closed and alarm. Never expected. */
  VERIFIER_FAILURE(401, false);

  private final int httpStatus;
  private final boolean refreshMayHelp;

  RejectionReason(int httpStatus, boolean refreshMayHelp) {
    this.httpStatus = httpStatus;
    this.refreshMayHelp = refreshMayHelp;
  }

  /** The HTTP status to answer with: 400 for malformed headers, 401 otherwise. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * True only for {@link #SIGNATURE_MISMATCH}: a secret that rotated after the versions were cached
   * could have signed it, so one refresh of the candidates and a retry is worthwhile.
   */
  public boolean refreshMayHelp() {
    return refreshMayHelp;
  }
}
