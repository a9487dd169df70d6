package dev.keyturn.cli.common;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * How every command's {@code --help} looks: descriptions wrapped at word boundaries to the
 * terminal's width (100 columns off a terminal), examples printed exactly as written so they can be
 * copied and pasted, the exit-code table ({@link ExitCode#HELP}) last, colour only on a terminal.
 */
public final class HelpLayout {

  static final int WIDTH = 100;

  private HelpLayout() {}

  public static CommandLine apply(CommandLine cli, Terminal terminal) {
    cli.setUsageHelpWidth(WIDTH);
    cli.setUsageHelpAutoWidth(true);
    cli.setUsageHelpLongOptionsMaxWidth(28);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour() ? Ansi.ON : Ansi.OFF));
    cli.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
    for (CommandLine sub : cli.getSubcommands().values()) {
      apply(sub, terminal);
    }
    return cli;
  }

  /** The command's footer (its examples) line by line, unwrapped, then the exit codes. */
  private static String footer(CommandLine.Help help) {
    List<String> lines = new ArrayList<>(List.of(help.commandSpec().usageMessage().footer()));
    lines.addAll(ExitCode.HELP);
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }
}
