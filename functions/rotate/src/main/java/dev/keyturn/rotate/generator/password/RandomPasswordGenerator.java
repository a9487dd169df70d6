package dev.keyturn.rotate.generator.password;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code random-password}: a password from Secrets Manager's GetRandomPassword.
 *
 * <p>Options (all optional): {@code length} (1..4096, default 32), {@code excludeCharacters}
 * (default {@value #DEFAULT_EXCLUDED}, the characters AWS's rotation templates exclude because they
 * break connection strings and shells), {@code requireEachIncludedType} (default true), and
 * GetRandomPassword's {@code excludeNumbers}, {@code excludePunctuation}, {@code excludeUppercase},
 * {@code excludeLowercase}, {@code includeSpace} (default false).
 */
public final class RandomPasswordGenerator implements SecretGenerator {

  public static final String TYPE = "random-password";
  public static final String DEFAULT_EXCLUDED = ":/@\"'\\";
  public static final int DEFAULT_LENGTH = 32;
  public static final int MAX_LENGTH = 4096;

  private static final Set<String> KNOWN =
      Set.of(
          "length",
          "excludeCharacters",
          "requireEachIncludedType",
          "excludeNumbers",
          "excludePunctuation",
          "excludeUppercase",
          "excludeLowercase",
          "includeSpace");

  private final RandomPasswordPort passwords;

  public RandomPasswordGenerator(RandomPasswordPort passwords) {
    this.passwords = Objects.requireNonNull(passwords, "passwords");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    read(reader);
    return reader.problems();
  }

  @Override
  public String generate(GenerationRequest request) {
    return passwords.randomPassword(policy(request.options()));
  }

  /** The GetRandomPassword request these options stand for. */
  public PasswordPolicy policy(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    PasswordPolicy policy = read(reader);
    reader.requireValid(TYPE);
    return policy;
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    PasswordPolicy policy = policy(options);
    if (value == null || value.length() != policy.length()) {
      throw new MalformedSecretValueException(
          "password is not " + policy.length() + " characters long");
    }
    String allowed = policy.allowedCharacters();
    if (value.chars().anyMatch(c -> allowed.indexOf(c) < 0)) {
      throw new MalformedSecretValueException("password contains a character the policy excludes");
    }
    if (policy.requireEachIncludedType()) {
      policy
          .usableCharactersByClass()
          .forEach((characterClass, usable) -> {
            if (value.chars().noneMatch(c -> usable.indexOf(c) >= 0)) {
              throw new MalformedSecretValueException(
                  "password has no " + characterClass.label() + " character");
            }
          });
    }
  }

  private static PasswordPolicy read(GeneratorOptions reader) {
    String excluded = reader.text("excludeCharacters", DEFAULT_EXCLUDED);
    if (excluded.length() > MAX_LENGTH) {
      reader.problem("option 'excludeCharacters' must be at most " + MAX_LENGTH + " characters");
    }
    PasswordPolicy policy =
        new PasswordPolicy(
            reader.integer("length", DEFAULT_LENGTH, 1, MAX_LENGTH),
            excluded,
            reader.bool("excludeNumbers", false),
            reader.bool("excludePunctuation", false),
            reader.bool("excludeUppercase", false),
            reader.bool("excludeLowercase", false),
            reader.bool("includeSpace", false),
            reader.bool("requireEachIncludedType", true));
    checkSatisfiable(policy, reader);
    return policy;
  }

  /** Catches policies GetRandomPassword would reject or could not honour. */
  private static void checkSatisfiable(PasswordPolicy policy, GeneratorOptions reader) {
    if (policy.includedClasses().isEmpty()) {
      reader.problem(
          "options 'excludeUppercase', 'excludeLowercase', 'excludeNumbers' and"
              + " 'excludePunctuation' exclude every character class");
      return;
    }
    if (policy.allowedCharacters().isEmpty()) {
      reader.problem("option 'excludeCharacters' excludes every character the policy allows");
      return;
    }
    if (!policy.requireEachIncludedType()) {
      return;
    }
    policy
        .usableCharactersByClass()
        .forEach((characterClass, usable) -> {
          if (usable.isEmpty()) {
            reader.problem(
                "option 'excludeCharacters' excludes every "
                    + characterClass.label()
                    + " character, but 'requireEachIncludedType' is true");
          }
        });
    int required = policy.includedClasses().size();
    if (policy.length() < required) {
      reader.problem(
          "option 'length' must be at least "
              + required
              + " when 'requireEachIncludedType' is true (one character of each included type)");
    }
  }
}
