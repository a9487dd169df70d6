package dev.keyturn.cli.sync;

import dev.keyturn.cli.format.Table;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.SyncReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints sync reports: names, reasons, versions and masked values (the plan's values were masked by
 * the sync function's {@code PlanView} before they got here).
 */
final class SyncPrinter {

  private final PrintWriter out;

  SyncPrinter(PrintWriter out) {
    this.out = out;
  }

  /**
   * @param modes each secret's rotation mode, shown next to it
   */
  void plan(SyncReport report, Map<String, String> modes) {
    for (AppResult app : report.apps()) {
      if (app.plan() == null) {
        out.printf("%s: %s%n", app.app(), reason(app));
        continue;
      }
      planOf(app, modes);
    }
    long changes = report.apps().stream().mapToLong(a -> a.set().size() + a.removed().size()).sum();
    out.printf(
        "plan: %d app%s, %d change%s (dry run: nothing sent to Heroku)%n",
        report.apps().size(),
        report.apps().size() == 1 ? "" : "s",
        changes,
        changes == 1 ? "" : "s");
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private void planOf(AppResult app, Map<String, String> modes) {
    List<Map<String, Object>> changes = (List<Map<String, Object>>) app.plan().get("changes");
    List<String> unchanged = (List<String>) app.plan().get("unchanged");
    out.printf(
        "%s: %d to set, %d to remove, %d unchanged%n",
        app.app(), app.set().size(), app.removed().size(), unchanged.size());
    if (changes.isEmpty()) {
      return;
    }
    Table table =
        new Table("", "VAR", "REASON", "SECRET", "MODE", "SOURCE VERSION", "HEROKU NOW", "NEW");
    for (Map<String, Object> c : changes) {
      table.row(
          "remove".equals(c.get("action")) ? "-" : "new".equals(c.get("reason")) ? "+" : "~",
          str(c.get("var")),
          str(c.get("reason")),
          str(c.get("secret")),
          c.get("secret") == null ? null : modes.get(str(c.get("secret"))),
          str(c.get("sourceVersion")),
          str(c.get("current")),
          str(c.get("next")));
    }
    table.print(out, "  ");
  }

  void published(SyncReport report) {
    Table table = new Table("APP", "OUTCOME", "DETAIL");
    for (AppResult app : report.apps()) {
      table.row(app.app(), app.outcome().name().toLowerCase(Locale.ROOT), detail(app));
    }
    if (!table.isEmpty()) {
      table.print(out);
    }
    int incomplete = report.incomplete().size();
    out.printf(
        "sync: %d app%s in line, %d not%n",
        report.apps().size() - incomplete, report.apps().size() == 1 ? "" : "s", incomplete);
    out.flush();
  }

  private static String detail(AppResult app) {
    List<String> parts = new ArrayList<>();
    if (!app.set().isEmpty()) {
      parts.add("set " + String.join(", ", app.set()));
    }
    if (!app.removed().isEmpty()) {
      parts.add("removed " + String.join(", ", app.removed()));
    }
    if (!app.drift().isEmpty()) {
      parts.add("drift repaired " + String.join(", ", app.drift()));
    }
    if (app.releaseVersion() != null) {
      parts.add("release v" + app.releaseVersion());
    }
    if (app.reason() != null) {
      parts.add(app.reason());
    }
    return parts.isEmpty() ? "" : String.join("; ", parts);
  }

  private static String reason(AppResult app) {
    String outcome = app.outcome().name().toLowerCase(Locale.ROOT);
    return app.reason() == null ? outcome : outcome + ": " + app.reason();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
