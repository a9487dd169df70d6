package dev.keyturn.cli.common;

/**
 * The exit codes of every {@code keyturn} command ({@code keyturn run} exits with its child's code
 * instead). A type of its own, below every command package, so commands need not import {@code
 * Main}, which lists them.
 */
public final class ExitCode {

  /** The command did what it was asked. */
  public static final int OK = 0;

  /** Lint or sync findings, a failed rotation, or any error (one line on stderr). */
  public static final int FINDINGS = 1;

  /** The command cannot run as invoked: bad options, missing configuration. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
