package dev.keyturn.rotate.database;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the rotate function reaches databases.
 *
 * @param caBundle PEM file of the certificate authorities a server certificate must chain to
 *     ({@code keyturn.database.ca-bundle}, env {@code KEYTURN_DATABASE_CA_BUNDLE}; e.g. the RDS
 *     global bundle in a layer); empty: the JVM's default trust store
 * @param timeout connect and socket timeout of every database connection ({@code
 *     keyturn.database.timeout}, default 5 s, as AWS's templates)
 */
public record DatabaseSettings(Optional<Path> caBundle, Duration timeout) {

  public static DatabaseSettings defaults() {
    return new DatabaseSettings(Optional.empty(), Duration.ofSeconds(5));
  }

  /**
   * Whether to connect with TLS (always verifying the certificate chain against {@link #caBundle}
   * and the host name): as the value's {@code ssl} says, else the engine's default — TLS for
   * PostgreSQL, MySQL and MariaDB (every RDS instance offers it), none for Redis (TLS is a separate
   * port there, so the value must say {@code "ssl": true}). Unlike AWS's templates, a TLS failure
   * never falls back to plain text.
   */
  public boolean useTls(ConnectionSecret secret) {
    return secret.ssl() != null ? secret.ssl() : secret.engine() != Engine.REDIS;
  }
}
