package dev.keyturn.secrets;

import java.util.List;

/**
 * The {@value #KEY} tag on Secrets Manager secrets: which function's role may read a secret. IAM
 * conditions on it ({@code secretsmanager:ResourceTag/keyturn:role}) scope a role's reads to the
 * secrets tagged for it.
 */
public interface SecretRoleTags {

  /** The tag key. */
  String KEY = "keyturn:role";

  /** A secret as Secrets Manager lists it. */
  record TaggedSecret(String name, String arn) {

    /** Whether {@code secretId} (a name or an ARN, as an inventory writes it) names this secret. */
    public boolean isNamedBy(String secretId) {
      return secretId.equals(name) || secretId.equals(arn);
    }
  }

  /** Every secret whose {@value #KEY} tag is {@code role}. */
  List<TaggedSecret> taggedWith(String role);

  /**
   * Sets {@value #KEY} = {@code role} on the secret (repeating it changes nothing).
   *
   * @throws SecretNotFoundException when no such secret exists
   */
  void tag(String secretId, String role);

  /** Removes the {@value #KEY} tag from the secret (repeating it changes nothing). */
  void untag(String secretId);
}
