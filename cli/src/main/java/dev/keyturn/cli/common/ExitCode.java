package dev.keyturn.cli.common;

import java.util.List;

/**
 * The exit codes of every {@code keyturn} command ({@code keyturn run} exits with its child's code
 * instead). A type of its own, below every command package, so commands need not import {@code
 * Main}, which lists them.
 */
public final class ExitCode {

  /** The command did what it was asked. */
  public static final int OK = 0;

  /**
   * Findings or failed work: lint errors, a rejected webhook, a failed rotation, sync or plan, a
   * source that does not exist, a service that did not answer.
   */
  public static final int FINDINGS = 1;

  /**
   * The command cannot run as invoked: bad options, a missing file, missing configuration (no
   * region, credentials or table), a destructive apply without {@code --yes}.
   */
  public static final int USAGE = 2;

  /** The table every command's {@code --help} ends with (and docs/configuration.md repeats). */
  public static final List<String> HELP =
      List.of(
          "",
          "Exit codes:",
          "  0  ok",
          "  1  findings or failed work (lint errors, a rejected delivery, a failed rotation,",
          "     sync or plan, a missing source, a service that did not answer)",
          "  2  usage or configuration (bad options, a missing file, no region, credentials",
          "     or table, a destructive apply without --yes)");

  private ExitCode() {}
}
