package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import java.util.stream.Stream;

/** One taxonomy rule. */
@FunctionalInterface
interface LintRule {
  Stream<Finding> check(Inventory inventory, LintContext context);
}
