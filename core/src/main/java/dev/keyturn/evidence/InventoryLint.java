package dev.keyturn.evidence;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.lint.LintReport;

/** The taxonomy lint with every validator the modules provide (generators, schemes). */
public interface InventoryLint {

  LintReport lint(Inventory inventory);
}
