package dev.keyturn.inventory;

/** Where a secret's value lives. */
public sealed interface Source {

  /** The identifier as written in the inventory (a Secrets Manager name or ARN, or an SSM path). */
  String id();

  /** A Secrets Manager secret, by name or ARN. */
  record SecretsManager(String id) implements Source {}

  /** An SSM Parameter Store parameter (normally a SecureString), by path. */
  record SsmParameter(String id) implements Source {}
}
