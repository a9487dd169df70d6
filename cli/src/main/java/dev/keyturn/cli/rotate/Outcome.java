package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.output.OutputOptions;
import java.io.PrintWriter;

/**
 * Prints one rotation's report: the last line (or the {@code --output json|text} document) and, on
 * failure, what to do next (one line each, on stderr).
 */
final class Outcome {

  private Outcome() {}

  static int print(RotationReport report, OutputOptions output, PrintWriter out, PrintWriter err) {
    if (output.structured()) {
      output.print(out, report.toMap());
    } else if (report.succeeded() && !"dry-run".equals(report.mode())) {
      out.println(summary(report));
      if (report.retireTask() != null) {
        out.printf("to do: %s; then keyturn retired %s%n", report.retireTask(), report.secret());
      }
    }
    out.flush();
    if (!report.succeeded()) {
      err.printf(
          "keyturn: rotation of %s failed%s: %s%n",
          report.secret(),
          report.failedStep() == null ? "" : " at " + report.failedStep(),
          report.error());
      if (report.undone()) {
        err.printf(
            "keyturn: undone: version %s is no longer AWSPENDING; %s is as it was%n",
            report.version(), report.source());
      }
      if (report.leftover() != null) {
        err.printf("keyturn: left: %s%n", report.leftover());
      }
      err.flush();
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }

  static String summary(RotationReport report) {
    if ("create".equals(report.mode())) {
      return "created " + report.secret() + ": version " + report.version() + " is current";
    }
    return "rotated "
        + report.secret()
        + ": version "
        + report.version()
        + " is current (was "
        + report.previous()
        + ")";
  }
}
