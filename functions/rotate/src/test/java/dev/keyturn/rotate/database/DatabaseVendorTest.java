package dev.keyturn.rotate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.json.Json;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.testing.fakes.FakePort;
import dev.keyturn.testing.fakes.FakeSecretsManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * setSecret / testSecret step logic (AWS's templates) over an in-memory server of our own port: who
 * logs in with what, what changes, what is never touched.
 */
class DatabaseVendorTest {

  private static final String MASTER = "arn:aws:secretsmanager:us-east-1:1:secret:master";

  /** Users and their passwords, and every change made. */
  private static final class FakeServer implements DatabaseEngine {
    final Map<String, String> passwords = new HashMap<>();
    final List<String> changes = new ArrayList<>();

    @Override
    public Set<Engine> engines() {
      return Set.of(Engine.POSTGRES);
    }

    @Override
    public boolean canLogin(ConnectionSecret c) {
      return c.password().equals(passwords.get(c.username()));
    }

    @Override
    public void changeOwnPassword(ConnectionSecret c, String newPassword) {
      changes.add("own:" + c.username());
      passwords.put(c.username(), newPassword);
    }

    @Override
    public void setPassword(ConnectionSecret master, UserChange user) {
      changes.add(
          "set:"
              + master.username()
              + "->"
              + user.name()
              + " rightsOf="
              + user.rightsOf()
              + " mirror="
              + user.mirror());
      passwords.put(user.name(), user.newPassword());
    }
  }

  /** A Secrets Manager holding no master: every test proves the path never read one. */
  private final FakeSecretsManager noSecrets = new FakeSecretsManager();

  @AfterEach
  void noSecretsWereRead() {
    assertThat(noSecrets.calls(FakePort.ANY)).as("calls to Secrets Manager").isZero();
  }

  private final FakeServer server = new FakeServer();

  private DatabaseVendor vendor(DatabaseType type, SecretStages secrets) {
    return new DatabaseVendor(
        type, new DatabaseEngines(List.of(server)), new MasterSecrets(secrets));
  }

  private static String value(String user, String password, String host, boolean master) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("engine", "postgres");
    v.put("host", host);
    v.put("username", user);
    v.put("password", password);
    if (master) {
      v.put("masterarn", MASTER);
    }
    return Json.write(v);
  }

  @Test
  void setSecret_whenThePendingPasswordAlreadyWorks_changesNothing() {
    server.passwords.put("app", "p2");

    vendor(DatabaseType.POSTGRES_SINGLE_USER, noSecrets)
        .apply("RX", value("app", "p1", "h", false), value("app", "p2", "h", false));

    assertThat(server.changes).isEmpty();
  }

  @Test
  void singleUser_setsItsOwnPassword_loggedInWithAwsCurrent_neverReadingAMaster() {
    server.passwords.put("app", "p1");

    vendor(DatabaseType.POSTGRES_SINGLE_USER, noSecrets)
        .apply("RX", value("app", "p1", "h", true), value("app", "p2", "h", true));

    assertThat(server.changes).containsExactly("own:app");
    assertThat(server.passwords).containsEntry("app", "p2");
  }

  @Test
  void singleUser_fallsBackToAwsPrevious_andFailsNamingWhatItTried_whenNothingWorks() {
    server.passwords.put("app", "p0");
    DatabaseVendor v = vendor(DatabaseType.POSTGRES_SINGLE_USER, noSecrets);

    v.apply(
        "RX",
        value("app", "p1", "h", false),
        value("app", "p2", "h", false),
        () -> Optional.of(value("app", "p0", "h", false)));
    assertThat(server.passwords).containsEntry("app", "p2");

    server.passwords.put("app", "unknown");
    assertThatThrownBy(() ->
            v.apply(
                "RX",
                value("app", "p2", "h", false),
                value("app", "p3", "h", false),
                () -> Optional.of(value("app", "p1", "h", false))))
        .isInstanceOf(DatabaseLoginException.class)
        .hasMessageContaining("AWSPENDING, AWSCURRENT or AWSPREVIOUS")
        .hasMessageNotContaining("p3");
  }

  @Test
  void setSecret_refusesAPendingValueForAnotherUserOrHost() {
    server.passwords.put("app", "p1");
    DatabaseVendor single = vendor(DatabaseType.POSTGRES_SINGLE_USER, noSecrets);
    DatabaseVendor alternating = vendor(DatabaseType.POSTGRES_ALTERNATING_USERS, noSecrets);

    assertThatThrownBy(() ->
            single.apply("RX", value("app", "p1", "h", false), value("root", "p2", "h", false)))
        .isInstanceOf(CredentialMismatchException.class);
    assertThatThrownBy(() ->
            single.apply("RX", value("app", "p1", "h", false), value("app", "p2", "h2", false)))
        .isInstanceOf(CredentialMismatchException.class);
    assertThatThrownBy(() ->
            alternating.apply("RX", value("app", "p1", "h", true), value("app", "p2", "h", true)))
        .isInstanceOf(CredentialMismatchException.class)
        .hasMessageContaining("may only set 'app_clone'");
    assertThat(server.changes).isEmpty();
  }

  @Test
  void alternatingUsers_requireAWorkingAwsCurrent_beforeTheMasterIsEvenRead() {
    server.passwords.put("app", "not-p1");

    assertThatThrownBy(() ->
            vendor(DatabaseType.POSTGRES_ALTERNATING_USERS, noSecrets)
                .apply("RX", value("app", "p1", "h", true), value("app_clone", "p2", "h", true)))
        .isInstanceOf(DatabaseLoginException.class)
        .hasMessageContaining("AWSCURRENT");
    assertThat(server.changes).isEmpty();
  }

  @Test
  void alternatingUsers_theMasterSetsTheCloneMirroringTheOriginal_andTheOriginalPlainly() {
    FakeSecretsManager masters = new FakeSecretsManager();
    String masterArn =
        masters
            .create("master", Json.write(Map.of("username", "rds_master", "password", "m1")))
            .arn();
    server.passwords.putAll(Map.of("app", "p1", "rds_master", "m1"));
    DatabaseVendor v = vendor(DatabaseType.POSTGRES_ALTERNATING_USERS, masters);
    String current = value("app", "p1", "h", true).replace(MASTER, masterArn);

    v.apply("RX", current, current.replace("\"app\"", "\"app_clone\"").replace("p1", "p2"));
    String clone = current.replace("\"app\"", "\"app_clone\"").replace("p1", "p2");
    v.apply("RX", clone, current.replace("p1", "p3"));

    assertThat(server.changes)
        .containsExactly(
            "set:rds_master->app_clone rightsOf=app mirror=true",
            "set:rds_master->app rightsOf=app_clone mirror=false");
    assertThat(server.passwords).containsEntry("app", "p3").containsEntry("app_clone", "p2");
  }

  @Test
  void aMasterForAnotherHost_isRefused() {
    FakeSecretsManager masters = new FakeSecretsManager();
    String masterArn =
        masters
            .create(
                "master",
                Json.write(Map.of("username", "m", "password", "m1", "host", "other.example")))
            .arn();
    server.passwords.putAll(Map.of("app", "p1", "m", "m1"));
    String current = value("app", "p1", "h", true).replace(MASTER, masterArn);

    assertThatThrownBy(() ->
            vendor(DatabaseType.POSTGRES_ALTERNATING_USERS, masters)
                .apply("RX", current, current.replace("\"app\"", "\"app_clone\"")))
        .isInstanceOf(MasterSecretException.class)
        .hasMessageContaining("other.example")
        .hasMessageNotContaining("m1");
    assertThat(server.changes).isEmpty();
  }

  @Test
  void testSecret_failsWhenAwsPendingDoesNotLogIn() {
    assertThatThrownBy(() ->
            vendor(DatabaseType.POSTGRES_SINGLE_USER, noSecrets)
                .prove("RX", value("app", "p9", "h", false)))
        .isInstanceOf(DatabaseLoginException.class)
        .hasMessageContaining("AWSPENDING")
        .hasMessageNotContaining("p9");
  }
}
