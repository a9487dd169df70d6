package dev.keyturn.cli.common;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Colour for output people read, on a terminal only ({@link Terminal#colour()}: never in a pipe,
 * never with {@code NO_COLOR}). Styles are picocli's ({@code red}, {@code yellow}, {@code bold}).
 */
public final class Colour {

  private final Ansi ansi;

  private Colour(Ansi ansi) {
    this.ansi = ansi;
  }

  public static Colour of(CommandSpec spec) {
    return new Colour(Terminal.of(spec).colour() ? Ansi.ON : Ansi.OFF);
  }

  /** {@code text} in {@code style} (e.g. {@code "bold,red"}), or as it is without colour. */
  public String paint(String style, String text) {
    if (ansi == Ansi.OFF || text.isEmpty()) {
      return text;
    }
    return ansi.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
  }
}
