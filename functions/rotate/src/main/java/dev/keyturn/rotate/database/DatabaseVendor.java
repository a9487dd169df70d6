package dev.keyturn.rotate.database;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.Vendor;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vendor side of a database type: setSecret makes the AWSPENDING password live at the server,
 * testSecret logs in with it. The step logic is AWS's rotation templates' ({@code
 * SecretsManagerRDS*Rotation{Single,Multi}User}); keyturn generates the value in createSecret
 * ({@link DatabaseCredentialGenerator}), so this vendor accepts values rather than issuing them.
 *
 * <p>setSecret, both strategies: if the AWSPENDING credential already logs in, the password is set
 * (a repeat after a crash or a lost answer) and nothing happens. The pending value must be for the
 * current host and for the user this strategy may change (the confused-deputy guard).
 *
 * <ul>
 *   <li>single user: log in with AWSCURRENT, else with AWSPREVIOUS (a rotation interrupted after
 *       the password changed and before the stage moved), and set the own password.
 *   <li>alternating users: AWSCURRENT must log in (it proves the secret is the one it claims to
 *       be); then the master secret's credential logs in and sets the other user's password,
 *       creating it with the current user's rights when it does not exist yet.
 * </ul>
 */
public final class DatabaseVendor implements Vendor {

  private final DatabaseType type;
  private final DatabaseEngines engines;
  private final MasterSecrets masters;

  public DatabaseVendor(DatabaseType type, DatabaseEngines engines, MasterSecrets masters) {
    this.type = type;
    this.engines = engines;
    this.masters = masters;
  }

  @Override
  public String generatorType() {
    return type.type();
  }

  @Override
  public boolean issuesValues() {
    return false;
  }

  @Override
  public String apply(String secretName, String currentValue, String pendingValue) {
    return apply(secretName, currentValue, pendingValue, Optional::empty);
  }

  @Override
  public String apply(
      String secretName,
      String currentValue,
      String pendingValue,
      Supplier<Optional<String>> previousValue) {
    ConnectionSecret current = read(secretName, currentValue);
    ConnectionSecret pending = read(secretName, pendingValue);
    DatabaseEngine engine = engines.forEngine(pending.engine());
    if (engine.canLogin(pending)) {
      return pendingValue;
    }
    requireSameServer(secretName, current, pending, "AWSCURRENT");
    String allowedUser = type.pendingUser(current.username());
    if (!pending.username().equals(allowedUser)) {
      throw new CredentialMismatchException(
          secretName,
          "AWSPENDING is for user '"
              + pending.username()
              + "', but this rotation may only set '"
              + allowedUser
              + "'");
    }
    if (type.alternating()) {
      setOtherUser(secretName, engine, current, pending);
    } else {
      setOwnPassword(secretName, engine, current, pending, previousValue);
    }
    return pendingValue;
  }

  @Override
  public void prove(String secretName, String value) {
    ConnectionSecret pending = read(secretName, value);
    if (!engines.forEngine(pending.engine()).canLogin(pending)) {
      throw new DatabaseLoginException(
          secretName, "AWSPENDING", pending.username(), server(pending));
    }
  }

  private void setOwnPassword(
      String secretName,
      DatabaseEngine engine,
      ConnectionSecret current,
      ConnectionSecret pending,
      Supplier<Optional<String>> previousValue) {
    ConnectionSecret login = current;
    if (!engine.canLogin(current)) {
      login =
          previous(secretName, current, pending, previousValue)
              .filter(engine::canLogin)
              .orElseThrow(() ->
                  new DatabaseLoginException(
                      secretName,
                      "AWSPENDING, AWSCURRENT or AWSPREVIOUS",
                      pending.username(),
                      server(pending)));
    }
    engine.changeOwnPassword(login, pending.password());
  }

  /** AWSPREVIOUS, for the same user and server, with AWSCURRENT's TLS setting (as AWS does). */
  private Optional<ConnectionSecret> previous(
      String secretName,
      ConnectionSecret current,
      ConnectionSecret pending,
      Supplier<Optional<String>> previousValue) {
    Optional<ConnectionSecret> previous =
        previousValue.get().flatMap(v -> readable(v)).filter(p -> p.engine() == current.engine());
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    ConnectionSecret p = previous.get();
    requireSameServer(secretName, p, pending, "AWSPREVIOUS");
    if (!p.username().equals(pending.username())) {
      throw new CredentialMismatchException(
          secretName,
          "AWSPREVIOUS is for user '"
              + p.username()
              + "', not the user being rotated '"
              + pending.username()
              + "'");
    }
    return Optional.of(
        new ConnectionSecret(
            p.engine(),
            p.host(),
            p.port(),
            p.username(),
            p.password(),
            p.dbname(),
            null,
            current.ssl()));
  }

  private void setOtherUser(
      String secretName,
      DatabaseEngine engine,
      ConnectionSecret current,
      ConnectionSecret pending) {
    if (!engine.canLogin(current)) {
      throw new DatabaseLoginException(
          secretName, "AWSCURRENT", current.username(), server(current));
    }
    ConnectionSecret master = masters.login(secretName, current);
    if (!engine.canLogin(master)) {
      throw new DatabaseLoginException(
          secretName, "master (" + current.masterArn() + ")", master.username(), server(master));
    }
    boolean mirror = pending.username().equals(current.username() + UserNames.CLONE_SUFFIX);
    engine.setPassword(
        master,
        new DatabaseEngine.UserChange(
            pending.username(), current.username(), mirror, pending.password()));
  }

  private static void requireSameServer(
      String secretName, ConnectionSecret other, ConnectionSecret pending, String stage) {
    if (!other.host().equalsIgnoreCase(pending.host()) || other.port() != pending.port()) {
      throw new CredentialMismatchException(
          secretName,
          "AWSPENDING is for " + server(pending) + ", but " + stage + " is for " + server(other));
    }
  }

  private ConnectionSecret read(String secretName, String value) {
    try {
      return type.read(value);
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(secretName);
    }
  }

  private Optional<ConnectionSecret> readable(String value) {
    try {
      return Optional.of(ConnectionSecret.parse(value));
    } catch (dev.keyturn.connection.MalformedConnectionSecretException notUsable) {
      return Optional.empty();
    }
  }

  static String server(ConnectionSecret s) {
    return s.engine().names().getFirst() + "@" + s.host() + ":" + s.port();
  }
}
