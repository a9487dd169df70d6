package dev.keyturn.rotate.vendor;

import java.util.Objects;

/**
 * A credential the vendor has just issued.
 *
 * @param credentialId the vendor's id of it (not secret)
 * @param value the value to store as AWSPENDING, in the type's JSON shape
 */
public record IssuedCredential(String credentialId, String value) {

  public IssuedCredential {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "IssuedCredential[credentialId=" + credentialId + ", value=***]";
  }
}
