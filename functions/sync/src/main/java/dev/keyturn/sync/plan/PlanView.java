package dev.keyturn.sync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as plain data for a dry-run answer: names, reasons and versions; values masked. */
public final class PlanView {

  private PlanView() {}

  public static Map<String, Object> of(AppPlan plan) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (VarChange v : plan.vars()) {
      if (!v.changes()) {
        continue;
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("var", v.var());
      c.put("action", v.action().name().toLowerCase(java.util.Locale.ROOT));
      c.put("reason", v.reason().name().toLowerCase(java.util.Locale.ROOT));
      c.put("secret", v.secretName());
      putIfPresent(c, "source", v.sourceId());
      putIfPresent(c, "sourceVersion", v.sourceVersion());
      putIfPresent(c, "current", Mask.of(v.currentValue()));
      if (v.currentValue() == null && v.present()) {
        // a target that never returns values: say it is there, and since when if known
        c.put(
            "current",
            v.remoteUpdatedAt() == null
                ? "(set; not readable)"
                : "(set " + v.remoteUpdatedAt() + ")");
      }
      putIfPresent(c, "next", Mask.of(v.value()));
      changes.add(c);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changes", changes);
    out.put("unchanged", plan.unchangedKeys());
    return out;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
