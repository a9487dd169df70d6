package dev.keyturn.rotate.secrets;

import dev.keyturn.rotate.generator.password.PasswordPolicy;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Passwords from Secrets Manager's GetRandomPassword, every policy field mapped one to one. */
public final class SecretsManagerRandomPasswords implements RandomPasswordPort {

  private final SecretsManagerClient client;

  public SecretsManagerRandomPasswords(SecretsManagerClient client) {
    this.client = client;
  }

  @Override
  public String randomPassword(PasswordPolicy policy) {
    return client
        .getRandomPassword(b -> {
          b.passwordLength((long) policy.length())
              .excludeNumbers(policy.excludeNumbers())
              .excludePunctuation(policy.excludePunctuation())
              .excludeUppercase(policy.excludeUppercase())
              .excludeLowercase(policy.excludeLowercase())
              .includeSpace(policy.includeSpace())
              .requireEachIncludedType(policy.requireEachIncludedType());
          if (!policy.excludeCharacters().isEmpty()) {
            b.excludeCharacters(policy.excludeCharacters());
          }
        })
        .randomPassword();
  }
}
