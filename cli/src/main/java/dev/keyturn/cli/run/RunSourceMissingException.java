package dev.keyturn.cli.run;

import java.util.List;

/** An entry's source has no current value, so the command is not started. Names only. */
public final class RunSourceMissingException extends RuntimeException {
  RunSourceMissingException(List<String> entries) {
    super("no current value for " + String.join(", ", entries) + ": the command was not started");
  }
}
