package dev.keyturn.cli.inventory;

import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.inventory.parse.ParsedInventory;
import java.time.Clock;

/** Operations shared by several commands (and the demo), so each exists once. */
public final class Commands {

  private Commands() {}

  /** Lints with every validator the modules provide. */
  public static LintReport lint(ParsedInventory parsed) {
    return new Linter(Validators.lintContext(Clock.systemUTC())).lint(parsed);
  }
}
