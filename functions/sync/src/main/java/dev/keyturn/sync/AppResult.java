package dev.keyturn.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one app. Names, versions and reasons only.
 *
 * @param plan the masked plan (dry runs only), else null
 */
public record AppResult(
    String app,
    Outcome outcome,
    List<String> set,
    List<String> removed,
    List<String> drift,
    String releaseId,
    Integer releaseVersion,
    String reason,
    Map<String, Object> plan) {

  /** The result kinds. */
  public enum Outcome {
    /** One PATCH, one release. */
    PATCHED,
    /** Heroku already matched the sources: no PATCH. */
    UNCHANGED,
    /** Dry run: the plan, nothing sent. */
    PLANNED,
    /** Another invocation holds the app's lease. */
    BUSY,
    /** Not synced; nothing was changed (see reason). */
    FAILED,
    /** Not attempted: Heroku's request budget is low. */
    DEFERRED;

    boolean complete() {
      return this == PATCHED || this == UNCHANGED || this == PLANNED;
    }
  }

  public AppResult {
    set = List.copyOf(set);
    removed = List.copyOf(removed);
    drift = List.copyOf(drift);
  }

  static AppResult notDone(String app, Outcome outcome, String reason) {
    return new AppResult(app, outcome, List.of(), List.of(), List.of(), null, null, reason, null);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    m.put("set", set);
    m.put("removed", removed);
    m.put("drift", drift);
    if (releaseId != null) {
      m.put("releaseId", releaseId);
    }
    if (releaseVersion != null) {
      m.put("releaseVersion", releaseVersion);
    }
    if (reason != null) {
      m.put("reason", reason);
    }
    if (plan != null) {
      m.put("plan", plan);
    }
    return m;
  }
}
