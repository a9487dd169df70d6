package dev.keyturn.cli.common;

import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to AWS. */
public final class AwsOptions {

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
    return CliContext.start(tableName(), properties);
  }

  private String tableName() {
    String name = table != null ? table : System.getenv("KEYTURN_TABLE");
    if (name == null) {
      name = System.getProperty("keyturn.table");
    }
    if (name == null || name.isBlank()) {
      throw new UsageException(
          "no table: set KEYTURN_TABLE or pass --table (the StateTable of the deployed stack)");
    }
    return name;
  }
}
