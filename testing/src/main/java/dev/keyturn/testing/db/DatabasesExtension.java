package dev.keyturn.testing.db;

import dev.keyturn.local.db.MariaDbServer;
import dev.keyturn.local.db.PostgresServer;
import dev.keyturn.local.db.RedisServer;
import dev.keyturn.testing.leak.FileLeakScan;
import dev.keyturn.testing.leak.Leak;
import dev.keyturn.testing.leak.LeakGuard;
import dev.keyturn.testing.leak.SecretMatcher;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the shared database servers with fresh state, and extends the leak guard to
 * the servers' own logs. Before the class: every server started so far is reset (a server first
 * started by this class is fresh anyway). Parameters of type {@link PostgresServer}, {@link
 * MariaDbServer} or {@link RedisServer} start that server on first use (or skip, see {@link
 * DatabaseServers}). After the class: every started server's log is scanned for every seeded secret
 * value registered in this JVM (the whole log, so nothing written between classes goes unchecked).
 */
public final class DatabasesExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    if (isNested(context)) {
      return;
    }
    DatabaseServers.resetStarted();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isNested(context)) {
      return;
    }
    SecretMatcher secrets = SecretMatcher.of(SeededSecrets.values());
    List<Leak> leaks = new ArrayList<>();
    DatabaseServers.startedLogs()
        .forEach((label, log) -> leaks.addAll(FileLeakScan.scan(log, label, secrets)));
    LeakGuard.assertNoLeaks(
        context.getRequiredTestClass().getName() + " (database server logs)", leaks);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresServer.class || type == MariaDbServer.class || type == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == PostgresServer.class) {
      return DatabaseServers.postgres();
    }
    return type == MariaDbServer.class ? DatabaseServers.mariadb() : DatabaseServers.redis();
  }

  private static boolean isNested(ExtensionContext context) {
    return context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
  }
}
