package dev.keyturn.cli.common;

import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by commands that work on the state table: the table and {@link AwsConnection}. */
public final class AwsOptions {

  static final String NO_TABLE =
      "no table: set KEYTURN_TABLE or pass --table (the StateTable of the deployed stack)";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Mixin AwsConnection connection;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "DynamoDB table (default: $KEYTURN_TABLE)")
  String table;

  public CliContext context() {
    return context(Map.of());
  }

  /** Starts the beans with more configuration (e.g. from {@link HerokuOptions}). */
  public CliContext context(Map<String, Object> properties) {
    String name = resolveTable(table);
    if (name == null) {
      throw new UsageException(NO_TABLE);
    }
    return CliContext.start(name, properties, connection, command);
  }

  /** --table, else {@code KEYTURN_TABLE}, else the system property {@code keyturn.table}. */
  static String resolveTable(String option) {
    String name = option != null ? option : System.getenv("KEYTURN_TABLE");
    if (name == null) {
      name = System.getProperty("keyturn.table");
    }
    return name == null || name.isBlank() ? null : name;
  }
}
