package dev.keyturn.secrets;

import java.time.Instant;

/**
 * What DescribeParameters says about a parameter (never its value).
 *
 * @param name the parameter's path
 * @param type {@code SecureString}, {@code String} or {@code StringList}
 * @param version the latest version
 * @param lastModified when the latest version was written
 * @param keyId the KMS key of a SecureString (kept when a new version is put), or null
 */
public record ParameterInfo(
    String name, String type, long version, Instant lastModified, String keyId) {

  public static final String SECURE_STRING = "SecureString";

  public boolean isSecureString() {
    return SECURE_STRING.equals(type);
  }
}
