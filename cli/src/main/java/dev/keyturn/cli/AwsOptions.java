package dev.keyturn.cli;

import picocli.CommandLine.Option;

/** Options shared by commands that talk to AWS. */
final class AwsOptions {

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "DynamoDB table (default: $KEYTURN_TABLE)")
  String table;

  CliContext context() {
    String name = table != null ? table : System.getenv("KEYTURN_TABLE");
    if (name == null) {
      name = System.getProperty("keyturn.table");
    }
    if (name == null || name.isBlank()) {
      throw new UsageException(
          "no table: set KEYTURN_TABLE or pass --table (the StateTable of the deployed stack)");
    }
    return CliContext.start(name);
  }
}
