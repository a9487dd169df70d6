package dev.keyturn.cli.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The same Micronaut beans the functions use (ports bound to AWS adapters), started on demand so
 * commands that need no AWS (lint) start fast. Beans are created lazily here, so a command only
 * builds the clients it uses. While it is open: the {@link AwsConnection} options are the SDK's
 * settings, {@code --debug} turns logging up, and a terminal shows what a slow call waits for.
 */
public final class CliContext implements AutoCloseable {

  /** The actor of audit events the CLI causes: who ran it, not which function. */
  static final String ACTOR_PREFIX = "keyturn-cli:";

  /** What {@code --debug} shows: keyturn's own steps and each AWS request (never a body). */
  static final List<String> DEBUG_LOGGERS =
      List.of("dev.keyturn", "software.amazon.awssdk.request");

  private final ApplicationContext context;
  private final List<AutoCloseable> resources;

  private CliContext(ApplicationContext context, List<AutoCloseable> resources) {
    this.context = context;
    this.resources = resources;
  }

  public static CliContext start(String table) {
    return start(table, Map.of());
  }

  /**
   * @param properties more configuration (e.g. {@code heroku.api-url}); environment variables are
   *     read too, as in the functions ({@code HEROKU_API_URL} -> {@code heroku.api-url})
   */
  public static CliContext start(String table, Map<String, Object> properties) {
    return new CliContext(ApplicationContext.run(config(table, properties), "cli"), List.of());
  }

  /**
   * Starts the beans with the connection's settings in force, refusing first (one line, exit 2)
   * when no region can be found, and with a terminal's waiting line for slow calls.
   *
   * @param table the state table, or null for a command that uses none
   */
  public static CliContext start(
      String table, Map<String, Object> properties, AwsConnection connection, CommandSpec command) {
    List<AutoCloseable> resources = new ArrayList<>();
    SdkSettings sdk = connection.applySdkSettings();
    resources.add(sdk);
    try {
      requireRegion();
      if (connection.debug()) {
        resources.add(debugLogging());
      }
      CallWatch.forgetFailures();
      resources.add(Waiting.start(Terminal.of(command), command.commandLine().getErr()));
      Map<String, Object> config = config(table, properties);
      config.putIfAbsent("keyturn.access.purpose", command.name());
      ApplicationContext context = ApplicationContext.run(config, "cli");
      return new CliContext(context, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static Map<String, Object> config(String table, Map<String, Object> properties) {
    Map<String, Object> config = new LinkedHashMap<>();
    String actor = ACTOR_PREFIX + System.getProperty("user.name", "unknown");
    // the functions name their audit actor by these keys; the CLI names the person instead
    config.put("aws.lambda.function.name", actor);
    config.put("keyturn.sync.actor", actor);
    // reads of values are audited under the STS principal; the OS user is kept as a hint
    config.put("keyturn.access.actor", actor);
    config.putAll(properties);
    if (table != null) {
      config.put("keyturn.table", table);
    }
    return config;
  }

  /** The SDK's own region chain, asked once before any client is built. */
  private static void requireRegion() {
    try {
      DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      throw new UsageException(AwsErrors.NO_REGION);
    }
  }

  /** DEBUG for {@link #DEBUG_LOGGERS} until closed. */
  private static AutoCloseable debugLogging() {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Map<Logger, Level> previous = new LinkedHashMap<>();
    for (String name : DEBUG_LOGGERS) {
      Logger logger = logging.getLogger(name);
      previous.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    return () -> previous.forEach(Logger::setLevel);
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

  /**
   * A configuration value converted as Micronaut converts it for beans ({@code 24h}, {@code PT1H}).
   */
  public <T> Optional<T> property(String name, Class<T> type) {
    return context.getProperty(name, type);
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      closeAll(resources);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable r : resources.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        // restoring settings and stopping the ticker cannot fail in a way worth reporting
      }
    }
  }
}
