package dev.keyturn.rotate;

import dev.keyturn.rotate.database.DatabaseEngines;
import dev.keyturn.rotate.database.DatabaseSettings;
import dev.keyturn.rotate.database.DatabaseVendors;
import dev.keyturn.rotate.database.MasterSecrets;
import dev.keyturn.rotate.database.mysql.MysqlEngine;
import dev.keyturn.rotate.database.postgres.PostgresEngine;
import dev.keyturn.rotate.database.redis.RedisEngine;
import dev.keyturn.secrets.SecretStages;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The database rotation's wiring (here, beside {@link RotateBeans}, so {@code rotate.database} does
 * not depend on its engine packages, which depend on it). Configuration: {@code
 * keyturn.database.ca-bundle} (env {@code KEYTURN_DATABASE_CA_BUNDLE}: a PEM file of trusted CAs;
 * default the JVM's trust store) and {@code keyturn.database.timeout} (env {@code
 * KEYTURN_DATABASE_TIMEOUT}, default 5s). No connection is made at startup (nor before a SnapStart
 * snapshot): the drivers and their randomness initialise on first use, after restore.
 */
@Factory
public class DatabaseBeans {

  @Singleton
  public DatabaseSettings databaseSettings(
      @Value("${keyturn.database.ca-bundle:}") String caBundle,
      @Value("${keyturn.database.timeout:5s}") Duration timeout) {
    return new DatabaseSettings(
        caBundle.isBlank() ? Optional.empty() : Optional.of(Path.of(caBundle.strip())), timeout);
  }

  @Singleton
  public DatabaseEngines databaseEngines(DatabaseSettings settings) {
    return new DatabaseEngines(
        List.of(
            new PostgresEngine(settings), new MysqlEngine(settings), new RedisEngine(settings)));
  }

  @Singleton
  public DatabaseVendors databaseVendors(DatabaseEngines engines, SecretStages secrets) {
    return DatabaseVendors.of(engines, new MasterSecrets(secrets));
  }
}
