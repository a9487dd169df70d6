package dev.keyturn.cli.inventory;

import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Severity;
import dev.keyturn.json.Json;
import dev.keyturn.state.InventoryPlan;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders command results as text or JSON. Nothing rendered here ever holds a secret value. */
final class Output {

  private final PrintWriter out;

  Output(PrintWriter out) {
    this.out = out;
  }

  void json(Object value) {
    out.println(Json.write(value));
    out.flush();
  }

  void findings(LintReport report, String origin) {
    for (Finding f : report.findings()) {
      out.printf("%-7s %-28s %-22s %s%n", f.severity(), f.entry(), f.rule(), f.message());
      out.printf("%-7s %-28s %-22s fix: %s%n", "", "", "", f.fix());
    }
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    out.printf(
        "%s: %d error%s, %d warning%s%n",
        origin, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    out.flush();
  }

  void plan(InventoryPlan plan, boolean dryRun) {
    if (plan.isEmpty()) {
      out.println("table is up to date: nothing to add, change or remove");
      out.flush();
      return;
    }
    for (InventoryPlan.Change c : plan.changes()) {
      String sign =
          switch (c.kind()) {
            case ADD -> "+";
            case CHANGE -> "~";
            case REMOVE -> "-";
          };
      out.printf("  %s %-8s %s%n", sign, c.what(), c.key());
    }
    out.printf(
        "%s: %d to add, %d to change, %d to remove%n",
        dryRun ? "plan (dry run, nothing written)" : "applied",
        plan.count(InventoryPlan.Kind.ADD),
        plan.count(InventoryPlan.Kind.CHANGE),
        plan.count(InventoryPlan.Kind.REMOVE));
    out.flush();
  }

  static Map<String, Object> planJson(InventoryPlan plan, boolean dryRun) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dryRun", dryRun);
    m.put("changes", plan.changes());
    return m;
  }
}
