package dev.keyturn.cli.common;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad arguments: the problem, a pointer to --help, exit code 2. */
final class UsageHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("keyturn: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    cli.getErr().flush();
    return ExitCode.USAGE;
  }
}
