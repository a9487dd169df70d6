package dev.keyturn.cli.common;

import dev.keyturn.inventory.parse.InvalidInventoryException;
import dev.keyturn.inventory.parse.InventoryFileException;
import dev.keyturn.inventory.parse.SchemaProblem;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any error into one clear line on stderr (never a stack trace, unless {@code --debug}): exit
 * 2 for usage and configuration ({@link UsageException}, a file that is not there, no AWS region,
 * credentials or table), else exit 1. Exception messages of keyturn never carry secret values, so
 * they are safe to show.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    var err = cli.getErr();
    int exit = report(e, err, parsed);
    if (matched(parsed, "--debug").isPresent()) {
      e.printStackTrace(err);
    }
    err.flush();
    return exit;
  }

  private static int report(Exception e, PrintWriter err, ParseResult parsed) {
    if (e instanceof InvalidInventoryException invalid) {
      invalidInventory(invalid, err);
      return ExitCode.FINDINGS;
    }
    if (e instanceof UsageException || e instanceof InventoryFileException) {
      err.println("keyturn: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Optional<AwsErrors.Translated> aws =
        AwsErrors.translate(
            e,
            AwsOptions.resolveTable(matched(parsed, "--table").orElse(null)),
            matched(parsed, "--region").orElse(null),
            matched(parsed, "--profile").orElse(null));
    if (aws.isPresent()) {
      err.println("keyturn: " + aws.get().message());
      return aws.get().exitCode();
    }
    err.println("keyturn: " + describe(e));
    return ExitCode.FINDINGS;
  }

  /** The value of an option given to the command that failed (or to any command above it). */
  private static Optional<String> matched(ParseResult parsed, String option) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(option)) {
        Object value = p.matchedOption(option).getValue();
        return Optional.of(value == null ? "" : value.toString());
      }
    }
    return Optional.empty();
  }

  /** One problem fits on one line; several get a line each under a heading. */
  private static void invalidInventory(InvalidInventoryException invalid, PrintWriter err) {
    if (invalid.problems().size() == 1) {
      err.println(
          "keyturn: invalid inventory "
              + invalid.origin()
              + ": "
              + one(invalid.problems().getFirst()));
      return;
    }
    err.println("keyturn: invalid inventory " + invalid.origin() + ":");
    for (SchemaProblem p : invalid.problems()) {
      err.println("  " + one(p));
    }
  }

  private static String one(SchemaProblem p) {
    return p.path() == null || p.path().isBlank() ? p.message() : p.toString();
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    return message.lines().findFirst().orElse(type);
  }
}
