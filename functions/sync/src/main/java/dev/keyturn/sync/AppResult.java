package dev.keyturn.sync;

import dev.keyturn.inventory.SinkKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one target (a Heroku app, a GitHub repository or environment, a Cloudflare
 * Worker, a {@code .env} file). Names, versions and reasons only.
 *
 * @param app the target's key ({@link SinkKey}): a Heroku app's name, else {@code <kind>:<name>}
 * @param set vars set; for a target left incomplete, the vars it took before it stopped
 * @param plan the masked plan (dry runs only), else null
 * @param consumer what the target's consumers do to see the change (changed targets only)
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
    Map<String, Object> plan,
    String consumer) {

  /** The result kinds. */
  public enum Outcome {
    /** Changed in one apply (for Heroku: one PATCH, one release). */
    PATCHED,
    /** The target already matched the sources: nothing written. */
    UNCHANGED,
    /** Dry run: the plan, nothing sent. */
    PLANNED,
    /** Another invocation holds the target's lease. */
    BUSY,
    /** Not brought in line; {@code set}/{@code removed} name what was written before it failed. */
    FAILED,
    /** The request budget ran out; {@code set}/{@code removed} name what was written before. */
    DEFERRED;

    public boolean complete() {
      return this == PATCHED || this == UNCHANGED || this == PLANNED;
    }
  }

  public AppResult {
    set = List.copyOf(set);
    removed = List.copyOf(removed);
    drift = List.copyOf(drift);
  }

  static AppResult notDone(String app, Outcome outcome, String reason) {
    return new AppResult(
        app, outcome, List.of(), List.of(), List.of(), null, null, reason, null, null);
  }

  /** The kind of target ({@code heroku}, {@code github}, {@code cloudflare}, {@code dotenv}). */
  public String kind() {
    return SinkKey.kind(app);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("kind", kind());
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
    if (consumer != null) {
      m.put("consumer", consumer);
    }
    if (plan != null) {
      m.put("plan", plan);
    }
    return m;
  }
}
