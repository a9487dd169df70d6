package dev.keyturn.rotate.generator.password;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * In-memory stand-in for GetRandomPassword that honours every policy field the way the service
 * documents, and remembers the policies it was asked for.
 */
public final class FakeRandomPasswordPort implements RandomPasswordPort {

  private final SecureRandom random = new SecureRandom();
  private final List<PasswordPolicy> policies = new ArrayList<>();

  @Override
  public String randomPassword(PasswordPolicy policy) {
    policies.add(policy);
    List<Character> password = new ArrayList<>();
    if (policy.requireEachIncludedType()) {
      policy.usableCharactersByClass().values().forEach(usable -> password.add(pick(usable)));
    }
    String allowed = policy.allowedCharacters();
    while (password.size() < policy.length()) {
      password.add(pick(allowed));
    }
    Collections.shuffle(password, random);
    StringBuilder out = new StringBuilder();
    password.forEach(out::append);
    return out.toString();
  }

  public List<PasswordPolicy> policies() {
    return List.copyOf(policies);
  }

  private char pick(String characters) {
    return characters.charAt(random.nextInt(characters.length()));
  }
}
