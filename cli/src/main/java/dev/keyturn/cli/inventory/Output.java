package dev.keyturn.cli.inventory;

import dev.keyturn.cli.common.Colour;
import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Severity;
import dev.keyturn.secrets.SecretRoleTagging;
import dev.keyturn.state.InventoryPlan;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders lint and apply results for people. Nothing rendered here ever holds a secret value. */
final class Output {

  private final PrintWriter out;
  private final Colour colour;

  Output(PrintWriter out, Colour colour) {
    this.out = out;
    this.colour = colour;
  }

  /**
   * One finding per line as compilers print them ({@code FILE:LINE:COLUMN: SEVERITY rule entry:
   * message}), its fix below, then the counts.
   */
  void findings(LintReport report, String origin) {
    for (Finding f : report.findings()) {
      String where = f.location() == null ? origin : f.location().toString();
      String severity =
          f.severity() == Severity.ERROR
              ? colour.paint("bold,red", "ERROR")
              : colour.paint("yellow", "WARNING");
      out.printf("%s: %s %s %s: %s%n", where, severity, f.rule(), f.entry(), f.message());
      out.printf("    fix: %s%n", f.fix());
    }
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    out.printf(
        "%s: %d error%s, %d warning%s%n",
        origin, errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    out.flush();
  }

  /** The changes, one per line, and what they add up to. */
  void changes(InventoryPlan plan) {
    for (InventoryPlan.Change c : plan.changes()) {
      String sign =
          switch (c.kind()) {
            case ADD -> colour.paint("green", "+");
            case CHANGE -> colour.paint("yellow", "~");
            case REMOVE -> colour.paint("red", "-");
          };
      out.printf("  %s %-8s %s%n", sign, c.what(), c.key());
    }
    out.flush();
  }

  void summary(InventoryPlan plan, String heading) {
    if (plan.isEmpty()) {
      out.println("table is up to date: nothing to add, change or remove");
    } else {
      out.printf(
          "%s: %d to add, %d to change, %d to remove%n",
          heading,
          plan.count(InventoryPlan.Kind.ADD),
          plan.count(InventoryPlan.Kind.CHANGE),
          plan.count(InventoryPlan.Kind.REMOVE));
    }
    out.flush();
  }

  /**
   * The role tags an apply changed (stdout, text output only) and the webhook secrets it could not
   * tag because they do not exist yet (stderr, always: the webhook cannot read them).
   */
  void roleTags(SecretRoleTagging.Changes tags, PrintWriter err, boolean listChanges) {
    if (listChanges) {
      tags.tagged().forEach(id -> out.printf("  tagged   %s keyturn:role=webhook%n", id));
      tags.untagged().forEach(id -> out.printf("  untagged %s keyturn:role%n", id));
      out.flush();
    }
    tags.missing()
        .forEach(id ->
            err.printf(
                "keyturn: warning: webhook secret %s does not exist: not tagged (run apply"
                    + " again once it exists, else the webhook cannot read it)%n",
                id));
    err.flush();
  }

  static Map<String, Object> planJson(InventoryPlan plan, boolean applied, String digest) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dryRun", !applied);
    m.put("applied", applied);
    m.put("digest", digest);
    m.put("changes", plan.changes());
    return m;
  }
}
