package dev.keyturn.rotate.retire;

/**
 * What became of a superseded credential.
 *
 * @param outcome {@code retired}, {@code already-retired}, {@code same-as-current} (the old value
 *     names the live credential, so nothing was touched), {@code nothing-to-retire} (no AWSPREVIOUS
 *     value), {@code not-a-credential} (the old value has not the type's shape)
 * @param versionId the version that held the old credential, or null
 * @param credentialId the old credential's vendor id, or null
 */
public record Retirement(String outcome, String versionId, String credentialId) {

  static final String RETIRED = "retired";
  static final String ALREADY = "already-";
  static final String SAME_AS_CURRENT = "same-as-current";
  static final String NOTHING = "nothing-to-retire";
  static final String NOT_A_CREDENTIAL = "not-a-credential";

  /** Whether the old credential no longer works (now or already). */
  public boolean stopped() {
    return outcome.endsWith(RETIRED);
  }
}
