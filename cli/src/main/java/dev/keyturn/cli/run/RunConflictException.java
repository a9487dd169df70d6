package dev.keyturn.cli.run;

import java.util.Collection;

/** Two entries of one environment would set the same variable. Names only. */
public final class RunConflictException extends RuntimeException {
  RunConflictException(String environment, Collection<String> conflicts) {
    super(
        "environment "
            + environment
            + ": two entries set the same variable: "
            + String.join("; ", conflicts));
  }
}
