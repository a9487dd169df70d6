package dev.keyturn.testing.db;

import static dev.keyturn.testing.db.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.db.MariaDbServer;
import dev.keyturn.local.db.TestCertificates;
import dev.keyturn.testing.leak.FileLeakScan;
import dev.keyturn.testing.leak.SecretMatcher;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithDatabases
class MariaDbServerTest {

  private static MariaDbServer db;

  @BeforeAll
  static void start(MariaDbServer server) {
    db = server;
  }

  @Test
  void tlsConnection_verifiesTheServerAgainstTheTestCa_andIsEncrypted() throws SQLException {
    try (Connection c = db.connect(db.adminUser(), db.adminPassword(), null, true)) {
      assertThat(
              single(
                  c,
                  "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                      + " WHERE VARIABLE_NAME = 'SSL_CIPHER'"))
          .isNotBlank();
    }
  }

  @Test
  void tlsConnection_failsVerification_againstAnotherCa(@TempDir Path dir) {
    Path otherCa = TestCertificates.generate(dir).caBundle();
    Properties p = new Properties();
    p.setProperty("user", db.adminUser());
    p.setProperty("password", db.adminPassword());
    p.setProperty("sslMode", "verify-full");
    p.setProperty("serverSslCert", otherCa.toString());

    assertThatThrownBy(() ->
            new org.mariadb.jdbc.Driver()
                .connect("jdbc:mariadb://" + db.host() + ":" + db.port() + "/", p)
                .close())
        .isInstanceOf(SQLException.class);
  }

  @Test
  void userRequiringSsl_isRefusedWithoutTls_andAcceptedWithIt() throws SQLException {
    String password = SeededSecrets.generate("maria-tls-only");
    db.createUser("tls_user", password);
    db.admin("ALTER USER 'tls_user'@'%' REQUIRE SSL");

    assertThatThrownBy(() -> db.connect("tls_user", password, null, false).close())
        .isInstanceOf(SQLException.class);
    try (Connection c = db.connect("tls_user", password, null, true)) {
      assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("tls_user@%");
    }
  }

  @Test
  void createUser_logsTheHash_neverThePassword() throws SQLException {
    String password = SeededSecrets.generate("maria-user");
    db.createUser("app", password);

    try (Connection c = db.connect("app", password, null, false)) {
      assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("app@%");
    }
    assertThat(FileLeakScan.scan(db.generalLog(), "general", SecretMatcher.of(Set.of(password))))
        .isEmpty();
  }

  @Test
  void generalLog_showsAStatementsLiterals_soTheLeakGuardWouldCatchAClearPassword()
      throws SQLException {
    String clear = "kt-probe-" + UUID.randomUUID();
    try (Connection c = db.connect(db.adminUser(), db.adminPassword(), null, false);
        Statement s = c.createStatement()) {
      s.execute("SELECT '" + clear + "'");
    }

    assertThat(FileLeakScan.scan(db.generalLog(), "general", SecretMatcher.of(Set.of(clear))))
        .hasSize(1);
  }

  @Test
  void reset_dropsTestUsersAndDatabases_andKeepsTheAdministrator() throws SQLException {
    db.createUser("doomed", SeededSecrets.generate("maria-doomed"));
    db.admin("CREATE DATABASE doomed_db");

    db.reset();

    try (Connection c = db.connect(db.adminUser(), db.adminPassword(), null, false)) {
      assertThat(single(c, "SELECT count(*) FROM mysql.user WHERE User = 'doomed'")).isEqualTo("0");
      assertThat(
              single(
                  c,
                  "SELECT count(*) FROM information_schema.SCHEMATA"
                      + " WHERE SCHEMA_NAME = 'doomed_db'"))
          .isEqualTo("0");
    }
  }
}
