package dev.keyturn.rotate.database;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.generator.password.PasswordPolicy;
import dev.keyturn.rotate.generator.password.RandomPasswordPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The createSecret half of a database type: the next value is the AWSCURRENT one (every field kept)
 * with a new password from GetRandomPassword and, for alternating users, the other user of the
 * pair. The password is drawn from letters, digits and {@code -._~} only, so it needs no escaping
 * in a URL, a connection string, SQL or a Redis command line.
 *
 * <p>Options (both optional): {@code length} (16..128, default 32) and {@code excludeCharacters}
 * (more characters to leave out, on top of the unsafe ones).
 */
public final class DatabaseCredentialGenerator implements SecretGenerator {

  /** GetRandomPassword's punctuation minus RFC 3986's unreserved {@code -._~}. */
  public static final String UNSAFE_CHARACTERS = "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}";

  public static final int DEFAULT_LENGTH = 32;
  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> KNOWN = Set.of("length", "excludeCharacters");

  private final DatabaseType type;
  private final RandomPasswordPort passwords;

  public DatabaseCredentialGenerator(DatabaseType type, RandomPasswordPort passwords) {
    this.type = Objects.requireNonNull(type, "type");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
  }

  @Override
  public String type() {
    return type.type();
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    policy(reader);
    return reader.problems();
  }

  @Override
  public String generate(GenerationRequest request) {
    PasswordPolicy policy = policy(request.options());
    ObjectNode current =
        CredentialValues.object(request.currentValue())
            .orElseThrow(() ->
                new CorruptCurrentValueException(
                    request.secretName(), "value is not a JSON object"));
    ConnectionSecret secret = current(request);
    String user = type.pendingUser(secret.username());
    if (user.length() > UserNames.maxLength(secret.engine())) {
      throw new CorruptCurrentValueException(
          request.secretName(),
          "user name with '"
              + UserNames.CLONE_SUFFIX
              + "' would exceed "
              + UserNames.maxLength(secret.engine())
              + " characters");
    }
    return CredentialValues.withCredentials(current, user, passwords.randomPassword(policy));
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    PasswordPolicy policy = policy(options);
    ConnectionSecret secret = read(value);
    String password = secret.password();
    if (password.length() != policy.length()) {
      throw new MalformedSecretValueException(
          "password is not " + policy.length() + " characters long");
    }
    String allowed = policy.allowedCharacters();
    if (password.chars().anyMatch(c -> allowed.indexOf(c) < 0)) {
      throw new MalformedSecretValueException("password contains a character the policy excludes");
    }
  }

  /**
   * @see DatabaseType#read(String)
   */
  public ConnectionSecret read(String value) {
    return type.read(value);
  }

  private ConnectionSecret current(GenerationRequest request) {
    try {
      return read(request.currentValue());
    } catch (MalformedSecretValueException e) {
      throw new CorruptCurrentValueException(request.secretName(), e.problem());
    }
  }

  private PasswordPolicy policy(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    PasswordPolicy policy = policy(reader);
    reader.requireValid(type.type());
    return policy;
  }

  private static PasswordPolicy policy(GeneratorOptions reader) {
    int length = reader.integer("length", DEFAULT_LENGTH, MIN_LENGTH, MAX_LENGTH);
    String extra = reader.text("excludeCharacters", "");
    PasswordPolicy policy =
        new PasswordPolicy(
            length, UNSAFE_CHARACTERS + extra, false, false, false, false, false, true);
    policy
        .usableCharactersByClass()
        .forEach((characterClass, usable) -> {
          if (usable.isEmpty()) {
            reader.problem(
                "option 'excludeCharacters' excludes every "
                    + characterClass.label()
                    + " character");
          }
        });
    return policy;
  }
}
