package dev.keyturn.testing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.testing.leak.FileLeakScan;
import dev.keyturn.testing.leak.SecretMatcher;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithDatabases
class PostgresServerTest {

  private static PostgresServer pg;

  @BeforeAll
  static void start(PostgresServer server) {
    pg = server;
  }

  @Test
  void tlsConnection_verifiesTheServerAgainstTheTestCa_andIsEncrypted() throws SQLException {
    try (Connection c = pg.connect(pg.adminUser(), pg.adminPassword(), "postgres", true)) {
      assertThat(single(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
          .isEqualTo("t");
    }
  }

  @Test
  void tlsConnection_failsVerification_againstAnotherCa(@TempDir Path dir) {
    TestCertificates other = TestCertificates.generate(dir);
    PostgresServer asSeenWithTheWrongCa = pg;

    assertThatThrownBy(() -> connectTrusting(asSeenWithTheWrongCa, other.caBundle()))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void tlsOnlyRole_isRefusedWithoutTls_andAcceptedWithIt() throws SQLException {
    String password = SeededSecrets.generate("pg-tls-only");
    pg.createLoginRole("tls_user", password, PostgresServer.TLS_ONLY_ROLE);

    assertThatThrownBy(() -> pg.connect("tls_user", password, "postgres", false).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
    try (Connection c = pg.connect("tls_user", password, "postgres", true)) {
      assertThat(single(c, "SELECT current_user")).isEqualTo("tls_user");
    }
  }

  @Test
  void createLoginRole_logsAVerifier_neverThePassword() throws Exception {
    String password = SeededSecrets.generate("pg-role");
    pg.createLoginRole("app_owner", password);

    try (Connection c = pg.connect("app_owner", password, "postgres", false)) {
      assertThat(single(c, "SELECT current_user")).isEqualTo("app_owner");
    }
    assertThat(FileLeakScan.scan(pg.log(), "pg", SecretMatcher.of(Set.of(password)))).isEmpty();
    assertThat(Files.readString(pg.log())).contains("SCRAM-SHA-256$4096:");
  }

  @Test
  void statementLog_showsAStatementsLiterals_soTheLeakGuardWouldCatchAClearPassword()
      throws Exception {
    // not registered: the class's own leak check must not trip over this deliberate one
    String clear = "kt-probe-" + UUID.randomUUID();
    try (Connection c = pg.connect(pg.adminUser(), pg.adminPassword(), "postgres", false);
        Statement s = c.createStatement()) {
      s.execute("SELECT '" + clear + "'");
    }

    assertThat(FileLeakScan.scan(pg.log(), "pg", SecretMatcher.of(Set.of(clear))))
        .singleElement()
        .satisfies(leak -> assertThat(leak.location()).startsWith("pg line "));
  }

  @Test
  void reset_dropsTestRolesAndDatabases_andKeepsTheAdministrator() throws SQLException {
    pg.createLoginRole("doomed", SeededSecrets.generate("pg-doomed"));
    pg.createDatabase("doomed_db", "doomed");

    pg.reset();

    try (Connection c = pg.connect(pg.adminUser(), pg.adminPassword(), "postgres", false)) {
      assertThat(single(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'doomed'"))
          .isEqualTo("0");
      assertThat(single(c, "SELECT count(*) FROM pg_database WHERE datname = 'doomed_db'"))
          .isEqualTo("0");
      assertThat(
              single(
                  c,
                  "SELECT count(*) FROM pg_roles WHERE rolname = '"
                      + PostgresServer.TLS_ONLY_ROLE
                      + "'"))
          .isEqualTo("1");
    }
  }

  private static void connectTrusting(PostgresServer server, Path ca) throws SQLException {
    var props = new java.util.Properties();
    props.setProperty("user", server.adminUser());
    props.setProperty("password", server.adminPassword());
    props.setProperty("sslmode", "verify-full");
    props.setProperty("sslrootcert", ca.toString());
    new org.postgresql.Driver()
        .connect("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", props)
        .close();
  }

  static String single(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getString(1);
    }
  }
}
