package dev.keyturn.cli.inventory;

import dev.keyturn.cli.common.Terminal;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.state.InventoryPlan;

/**
 * Whether a plan may be written, as {@code terraform apply} decides: adding entries needs no
 * question; changing or removing any does. A person at a terminal answers {@code yes}; anywhere
 * else (a pipe, CI) {@code --yes} must be given, or nothing is written and the command exits 2.
 */
final class Confirmation {

  private Confirmation() {}

  /** True when the plan changes or removes something that is in the table now. */
  static boolean needed(InventoryPlan plan) {
    return plan.count(InventoryPlan.Kind.CHANGE) + plan.count(InventoryPlan.Kind.REMOVE) > 0;
  }

  /**
   * @return true to write, false when the person at the terminal did not answer {@code yes}
   * @throws UsageException off a terminal without {@code --yes}
   */
  static boolean granted(InventoryPlan plan, boolean yes, Terminal terminal, String table) {
    if (!needed(plan) || yes) {
      return true;
    }
    String what = what(plan);
    if (!terminal.interactive()) {
      throw new UsageException(
          "not applied: "
              + what
              + " in table "
              + table
              + "; re-run with --yes to apply without a terminal to confirm on"
              + " (--dry-run shows the plan)");
    }
    String answer =
        terminal.readLine(
            "keyturn: apply this plan to table "
                + table
                + " ("
                + what
                + ")? Only 'yes' will be accepted: ");
    return answer != null && answer.strip().equals("yes");
  }

  /** {@code 1 to change and 15 to remove}. */
  static String what(InventoryPlan plan) {
    long changed = plan.count(InventoryPlan.Kind.CHANGE);
    long removed = plan.count(InventoryPlan.Kind.REMOVE);
    if (changed > 0 && removed > 0) {
      return changed + " to change and " + removed + " to remove";
    }
    return changed > 0 ? changed + " to change" : removed + " to remove";
  }
}
