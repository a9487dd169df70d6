package dev.keyturn.cli.common;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Bad arguments: the problem, the nearest command or option, a pointer to --help, exit 2. */
final class UsageHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("keyturn: " + e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, cli.getErr());
    }
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    cli.getErr().flush();
    return ExitCode.USAGE;
  }
}
