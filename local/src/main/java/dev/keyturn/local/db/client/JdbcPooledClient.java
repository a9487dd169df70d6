package dev.keyturn.local.db.client;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A HikariCP pool: on a credential change the pool's user and password are replaced (HikariCP
 * allows that at run time) and idle connections are evicted, so new logins use the new credential
 * while connections in use finish their work.
 */
final class JdbcPooledClient extends PooledClient {

  /** PostgreSQL: bad password, no such role. MariaDB: access denied (also as 1698), locked. */
  private static final java.util.Set<String> REFUSED = java.util.Set.of("28P01", "28000");

  private static final java.util.Set<Integer> REFUSED_CODES = java.util.Set.of(1045, 1698, 4151);

  private final Path caBundle;
  private final String query;
  private HikariDataSource pool;

  JdbcPooledClient(Path caBundle, String query) {
    this.caBundle = caBundle;
    this.query = query;
  }

  @Override
  protected void connect(AppCredential first) {
    HikariConfig config = new HikariConfig();
    boolean postgres = first.engine().startsWith("postgres");
    config.setDataSource(new Logins(url(first, postgres), tls(postgres, first.tls()), postgres));
    config.setUsername(first.username());
    config.setPassword(first.password());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    // a query waits up to 10 s for a connection (HikariCP's default is 30 s): on a machine this
    // busy a login can take seconds; a refused login is counted at the driver regardless
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1);
    config.setPoolName("app-pool");
    // every connection HikariCP creates is a login with the credential it holds at that moment
    config.setMetricsTrackerFactory((name, stats) ->
        new IMetricsTracker() {
          @Override
          public void recordConnectionCreatedMillis(long millis) {
            loggedIn();
          }
        });
    pool = new HikariDataSource(config);
  }

  private static String url(AppCredential c, boolean postgres) {
    return (postgres ? "jdbc:postgresql://" : "jdbc:mariadb://")
        + c.host()
        + ":"
        + c.port()
        + "/"
        + c.dbname();
  }

  private Properties tls(boolean postgres, boolean tls) {
    Properties p = new Properties();
    if (postgres) {
      p.setProperty("sslmode", tls ? "verify-full" : "disable");
      if (tls) {
        p.setProperty("sslrootcert", caBundle.toString());
      }
    } else {
      p.setProperty("sslMode", tls ? "verify-full" : "disable");
      if (tls) {
        p.setProperty("serverSslCert", caBundle.toString());
      }
    }
    return p;
  }

  @Override
  protected void credentialChanged(AppCredential now) {
    pool.getHikariConfigMXBean().setUsername(now.username());
    pool.getHikariConfigMXBean().setPassword(now.password());
    pool.getHikariPoolMXBean().softEvictConnections();
  }

  @Override
  protected void churn() {
    // retire every idle connection: the pool logs in again for the next queries
    pool.getHikariPoolMXBean().softEvictConnections();
  }

  @Override
  protected void query() throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
    }
  }

  @Override
  protected void disconnect() {
    pool.close();
  }

  /**
   * The DataSource HikariCP logs in through: the driver itself, with each failed login counted (a
   * pool hides them behind its connection timeout, so counting queries alone would miss them).
   */
  private final class Logins implements DataSource {
    private final String url;
    private final Properties properties;
    private final Driver driver;

    Logins(String url, Properties properties, boolean postgres) {
      this.url = url;
      this.properties = properties;
      this.driver = postgres ? new org.postgresql.Driver() : new org.mariadb.jdbc.Driver();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      Properties p = new Properties();
      p.putAll(properties);
      p.setProperty("user", username);
      p.setProperty("password", password);
      // PostgreSQL's driver counts seconds, MariaDB's milliseconds
      p.setProperty("connectTimeout", driver instanceof org.postgresql.Driver ? "2" : "2000");
      try {
        return driver.connect(url, p);
      } catch (SQLException e) {
        loginFailed(
            REFUSED.contains(e.getSQLState()) || REFUSED_CODES.contains(e.getErrorCode()),
            reason(e));
        throw e;
      }
    }

    @Override
    public Connection getConnection() {
      throw new UnsupportedOperationException("the pool always passes a user");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
