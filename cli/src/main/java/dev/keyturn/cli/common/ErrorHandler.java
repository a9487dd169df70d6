package dev.keyturn.cli.common;

import dev.keyturn.inventory.parse.InvalidInventoryException;
import dev.keyturn.inventory.parse.SchemaProblem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any error into one clear line on stderr (never a stack trace) and exit code 1. Exception
 * messages of keyturn never carry secret values, so they are shown as they are; another library's
 * message may quote its input, so it is shown only through the {@link Redactor}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    var err = cli.getErr();
    if (e instanceof InvalidInventoryException invalid) {
      invalidInventory(invalid, err);
    } else if (e instanceof UsageException usage) {
      err.println("keyturn: " + usage.getMessage());
      return ExitCode.USAGE;
    } else {
      err.println("keyturn: " + describe(e));
    }
    err.flush();
    return ExitCode.FINDINGS;
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
    String line = message.lines().findFirst().orElse(type);
    return isKeyturns(e) ? line : type + ": " + Redactor.redact(line);
  }

  private static boolean isKeyturns(Throwable e) {
    return e.getClass().getName().startsWith("dev.keyturn.")
        || e instanceof picocli.CommandLine.ParameterException;
  }
}
