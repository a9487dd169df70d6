package dev.keyturn.cli;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * The same Micronaut beans the functions use (ports bound to AWS adapters), started on demand so
 * commands that need no AWS (lint) start fast.
 */
final class CliContext implements AutoCloseable {

  private final ApplicationContext context;

  private CliContext(ApplicationContext context) {
    this.context = context;
  }

  static CliContext start(String table) {
    return new CliContext(ApplicationContext.run(Map.of("keyturn.table", table), "cli"));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
