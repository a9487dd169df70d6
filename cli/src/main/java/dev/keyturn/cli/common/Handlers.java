package dev.keyturn.cli.common;

import picocli.CommandLine;

/**
 * The error handling every {@code keyturn} command line gets: one line on stderr and {@link
 * ExitCode#FINDINGS} for a failure, {@link ExitCode#USAGE} for bad input. {@code Main} installs it
 * on the root; the demo on the sync command it runs for the Heroku step.
 */
public final class Handlers {

  private Handlers() {}

  public static CommandLine install(CommandLine cli) {
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageHandler());
    return cli;
  }
}
