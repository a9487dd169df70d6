package dev.keyturn.cli.common;

import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The same Micronaut beans the functions use (ports bound to AWS adapters), started on demand so
 * commands that need no AWS (lint) start fast. Beans are created lazily here, so a command only
 * builds the clients it uses.
 */
public final class CliContext implements AutoCloseable {

  /** The actor of audit events the CLI causes: who ran it, not which function. */
  static final String ACTOR_PREFIX = "keyturn-cli:";

  private final ApplicationContext context;

  private CliContext(ApplicationContext context) {
    this.context = context;
  }

  public static CliContext start(String table) {
    return start(table, Map.of());
  }

  /**
   * @param properties more configuration (e.g. {@code heroku.api-url}); environment variables are
   *     read too, as in the functions ({@code HEROKU_API_URL} -> {@code heroku.api-url})
   */
  public static CliContext start(String table, Map<String, Object> properties) {
    Map<String, Object> config = new LinkedHashMap<>();
    String actor = ACTOR_PREFIX + System.getProperty("user.name", "unknown");
    // the functions name their audit actor by these keys; the CLI names the person instead
    config.put("aws.lambda.function.name", actor);
    config.put("keyturn.sync.actor", actor);
    config.putAll(properties);
    config.put("keyturn.table", table);
    return new CliContext(ApplicationContext.run(config, "cli"));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The beans themselves, for code shared with the demo (which holds its own context). */
  public io.micronaut.context.BeanLocator beans() {
    return context;
  }

  /** Who the audit trail names for what this process does ({@code keyturn-cli:<user>}). */
  public String actor() {
    return property("keyturn.sync.actor").orElse(ACTOR_PREFIX + "unknown");
  }

  /** A configuration value (from options, system properties or environment variables). */
  public Optional<String> property(String name) {
    return context.getProperty(name, String.class).filter(v -> !v.isBlank());
  }

  @Override
  public void close() {
    context.close();
  }
}
