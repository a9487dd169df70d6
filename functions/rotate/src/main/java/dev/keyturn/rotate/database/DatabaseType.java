package dev.keyturn.rotate.database;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.connection.MalformedConnectionSecretException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.Set;

/**
 * The six database generator types: an engine family and a rotation strategy, as AWS's rotation
 * templates split them.
 *
 * <ul>
 *   <li>single user: the user changes its own password ({@code ALTER ROLE}, {@code SET PASSWORD},
 *       {@code ACL SETUSER}); clients holding the old password fail from setSecret until they read
 *       the new AWSCURRENT (a brief unavailability, as AWS documents it).
 *   <li>alternating users: {@code name} and {@code name_clone}; the master secret ({@code
 *       masterarn}) creates the clone with the original's rights and sets the password of the user
 *       that is not current, so the current one keeps working: no downtime.
 * </ul>
 */
public enum DatabaseType {
  POSTGRES_SINGLE_USER("postgres-single-user", Set.of(Engine.POSTGRES), false),
  MYSQL_SINGLE_USER("mysql-single-user", Set.of(Engine.MYSQL, Engine.MARIADB), false),
  REDIS_SINGLE_USER("redis-single-user", Set.of(Engine.REDIS), false),
  POSTGRES_ALTERNATING_USERS("postgres-alternating-users", Set.of(Engine.POSTGRES), true),
  MYSQL_ALTERNATING_USERS("mysql-alternating-users", Set.of(Engine.MYSQL, Engine.MARIADB), true),
  REDIS_ALTERNATING_USERS("redis-alternating-users", Set.of(Engine.REDIS), true);

  private final String type;
  private final Set<Engine> engines;
  private final boolean alternating;

  DatabaseType(String type, Set<Engine> engines, boolean alternating) {
    this.type = type;
    this.engines = engines;
    this.alternating = alternating;
  }

  /** The database type a {@code generator.type} names, if it names one. */
  public static java.util.Optional<DatabaseType> of(String generatorType) {
    return java.util.Arrays.stream(values()).filter(t -> t.type.equals(generatorType)).findFirst();
  }

  /** The inventory's {@code generator.type}. */
  public String type() {
    return type;
  }

  /** The {@code engine} values this type rotates. */
  public Set<Engine> engines() {
    return engines;
  }

  public boolean alternating() {
    return alternating;
  }

  /** The user the next password belongs to: the same one, or the other of the pair. */
  public String pendingUser(String currentUser) {
    return alternating ? UserNames.alternate(currentUser) : currentUser;
  }

  /**
   * The value read as a connection secret of one of this type's engines (and, for alternating
   * users, with a {@code masterarn}).
   *
   * @throws MalformedSecretValueException naming the problem, never the value
   */
  public ConnectionSecret read(String value) {
    ConnectionSecret secret;
    try {
      secret = ConnectionSecret.parse(value);
    } catch (MalformedConnectionSecretException e) {
      throw new MalformedSecretValueException(e.problem());
    }
    if (!engines.contains(secret.engine())) {
      throw new MalformedSecretValueException(
          "'engine' is not one generator '" + type + "' rotates");
    }
    if (alternating && secret.masterArn() == null) {
      throw new MalformedSecretValueException(
          "'masterarn' is missing: alternating users need a master secret");
    }
    return secret;
  }
}
