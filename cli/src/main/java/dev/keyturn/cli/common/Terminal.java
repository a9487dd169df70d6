package dev.keyturn.cli.common;

import java.io.Console;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the CLI may assume about where it runs. Prompts, colour and the "waiting for ..." line are
 * for a person at a terminal only; a pipe, a file or CI gets plain, stable output and never a
 * question.
 */
public interface Terminal {

  /** True when stdin and stdout are a terminal (a person can read and answer). */
  boolean interactive();

  /** True when output may carry ANSI colour: interactive, {@code NO_COLOR} unset, not dumb. */
  boolean colour();

  /**
   * Asks a question on the terminal.
   *
   * @return the answer without its line break, or null when there is no answer (end of input)
   */
  String readLine(String prompt);

  /** The terminal (or absence of one) this JVM runs on. */
  static Terminal system() {
    return SystemTerminal.detect();
  }

  /** The terminal of a command line: the root command's, else the JVM's. */
  static Terminal of(CommandSpec spec) {
    return spec.root().userObject() instanceof Owner owner ? owner.terminal() : system();
  }

  /** A root command that carries the terminal its command line runs on. */
  interface Owner {
    Terminal terminal();
  }

  /** The JVM's console, as {@link System#console()} and the environment describe it. */
  record SystemTerminal(Console console, boolean interactive, boolean colour) implements Terminal {

    static SystemTerminal detect() {
      Console console = System.console();
      boolean tty = console != null && console.isTerminal();
      return new SystemTerminal(console, tty, tty && colourAllowed());
    }

    /** https://no-color.org: any non-empty NO_COLOR turns colour off; so does TERM=dumb. */
    static boolean colourAllowed() {
      String noColor = System.getenv("NO_COLOR");
      return (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public String readLine(String prompt) {
      return interactive ? console.readLine("%s", prompt) : null;
    }
  }
}
