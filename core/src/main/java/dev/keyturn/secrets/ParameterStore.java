package dev.keyturn.secrets;

import java.util.Collection;
import java.util.Map;

/**
 * The SSM Parameter Store operations the sweep and status need. Values are read by explicit
 * version.
 */
public interface ParameterStore {

  /** Metadata of those named parameters that exist, by name (batched; no values). */
  Map<String, ParameterInfo> describe(Collection<String> names);

  /** One version's decrypted value. */
  ParameterValue read(String name, long version);

  /**
   * Writes a new SecureString version (Overwrite; SSM keeps the history).
   *
   * @param keyId the parameter's KMS key, kept so the new version is encrypted like the old; null
   *     for the account's default key
   * @return the new version number
   */
  long putSecure(String name, String value, String keyId);

  /** Puts {@code label} on a version; SSM moves it off whichever version had it. */
  void label(String name, long version, String label);

  /**
   * Takes {@code label} off a version (the rotation life cycle evicts {@code previous}); a label
   * that is not on that version counts as removed, so a repeat is harmless.
   */
  void unlabel(String name, long version, String label);
}
