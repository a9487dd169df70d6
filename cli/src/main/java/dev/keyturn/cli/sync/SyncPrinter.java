package dev.keyturn.cli.sync;

import dev.keyturn.cli.format.Table;
import dev.keyturn.sync.AppResult;
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

  void plan(List<AppResult> targets) {
    for (AppResult app : targets) {
      if (app.plan() == null) {
        out.printf("%s: %s%n", app.app(), reason(app));
        continue;
      }
      planOf(app);
    }
    long changes = targets.stream().mapToLong(a -> a.set().size() + a.removed().size()).sum();
    List<AppResult> failed = targets.stream().filter(a -> !a.outcome().complete()).toList();
    if (!failed.isEmpty()) {
      out.printf(
          "plan failed for %d of %d target%s (%s): their changes are unknown, not zero"
              + " (dry run: nothing sent)%n",
          failed.size(),
          targets.size(),
          targets.size() == 1 ? "" : "s",
          String.join(", ", failed.stream().map(AppResult::app).toList()));
    } else {
      out.printf(
          "plan: %d target%s, %d change%s (dry run: nothing sent)%n",
          targets.size(), targets.size() == 1 ? "" : "s", changes, changes == 1 ? "" : "s");
    }
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private void planOf(AppResult app) {
    List<Map<String, Object>> changes = (List<Map<String, Object>>) app.plan().get("changes");
    List<String> unchanged = (List<String>) app.plan().get("unchanged");
    out.printf(
        "%s: %d to set, %d to remove, %d unchanged%n",
        app.app(), app.set().size(), app.removed().size(), unchanged.size());
    if (changes.isEmpty()) {
      return;
    }
    if (!app.set().isEmpty()) {
      out.printf("  would set %s%n", String.join(", ", app.set()));
    }
    Table table =
        new Table("", "VAR", "REASON", "SECRET", "SOURCE", "SOURCE VERSION", "NOW", "NEW");
    for (Map<String, Object> c : changes) {
      table.row(
          "remove".equals(c.get("action")) ? "-" : "new".equals(c.get("reason")) ? "+" : "~",
          str(c.get("var")),
          str(c.get("reason")),
          str(c.get("secret")),
          str(c.get("source")),
          str(c.get("sourceVersion")),
          str(c.get("current")),
          str(c.get("next")));
    }
    table.print(out, "  ");
  }

  void published(List<AppResult> targets) {
    Table table = new Table("TARGET", "OUTCOME", "DETAIL");
    for (AppResult app : targets) {
      table.row(app.app(), app.outcome().name().toLowerCase(Locale.ROOT), detail(app));
    }
    if (!table.isEmpty()) {
      table.print(out);
    }
    long incomplete = targets.stream().filter(a -> a.reason() != null && isIncomplete(a)).count();
    out.printf(
        "sync: %d target%s in line, %d not%n",
        targets.size() - incomplete, targets.size() == 1 ? "" : "s", incomplete);
    out.flush();
  }

  private static boolean isIncomplete(AppResult a) {
    return switch (a.outcome()) {
      case BUSY, FAILED, DEFERRED -> true;
      default -> false;
    };
  }

  private static String detail(AppResult app) {
    List<String> parts = new ArrayList<>();
    boolean incomplete = isIncomplete(app);
    if (!app.set().isEmpty()) {
      parts.add(
          (incomplete ? "written before it stopped: set " : "set ") + String.join(", ", app.set()));
    }
    if (!app.removed().isEmpty()) {
      parts.add("removed " + String.join(", ", app.removed()));
    }
    if (!app.drift().isEmpty()) {
      parts.add("drift repaired " + String.join(", ", app.drift()));
    }
    if (app.releaseVersion() != null) {
      parts.add("release v" + app.releaseVersion());
    } else if (app.consumer() != null) {
      parts.add(app.consumer());
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
