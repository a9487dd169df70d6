package dev.keyturn.rotate.generator.password;

/**
 * Where random passwords come from. Production implements it with Secrets Manager's
 * GetRandomPassword (the AWS rotation templates' source of passwords); tests use an in-memory fake.
 */
@FunctionalInterface
public interface RandomPasswordPort {

  /** A new password honouring every field of {@code policy}. */
  String randomPassword(PasswordPolicy policy);
}
