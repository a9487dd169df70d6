package dev.keyturn.rotate.support;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.database.DatabaseType;
import dev.keyturn.rotate.fakes.Entries;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A database secret under rotation: the app on its real server (see {@link DatabaseWorld}), its
 * master secret and its managed secret in moto, and its inventory entry.
 */
public record ManagedDatabase(
    DatabaseWorld.App app, SecretEntry entry, String arn, String firstVersion) {

  /** Creates everything for {@code type}; {@code ssl} and {@code tlsOnly} as in DatabaseWorld. */
  public static ManagedDatabase create(
      RotateFunctionFixture fn, DatabaseType type, Boolean ssl, boolean tlsOnly) {
    String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    DatabaseWorld.App app =
        DatabaseWorld.create(
            type,
            ssl,
            tlsOnly,
            masterValue ->
                fn.driver.createSecret("keyturn/test/db-master-" + suffix, masterValue).arn());
    SecretEntry entry =
        Entries.secretsManager(
            "RX_DB_" + suffix.toUpperCase(Locale.ROOT),
            "keyturn/test/db-" + type.type() + "-" + suffix,
            type.type(),
            Map.of());
    var created = fn.managedSecret(entry, app.value());
    return new ManagedDatabase(app, entry, created.arn(), created.versionId());
  }

  public DatabaseType type() {
    return app.type();
  }

  public ConnectionSecret first() {
    return app.credential();
  }
}
