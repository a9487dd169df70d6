package dev.keyturn.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sync did, app by app.
 *
 * @param ignored why the event asked for nothing; null when it did
 * @param unknownSources source ids the event named that no inventory entry uses
 */
public record SyncReport(
    String trigger,
    boolean dryRun,
    List<AppResult> apps,
    String ignored,
    List<String> unknownSources) {

  public SyncReport {
    apps = List.copyOf(apps);
    unknownSources = List.copyOf(unknownSources);
  }

  static SyncReport ignored(String trigger, String reason) {
    return new SyncReport(trigger, false, List.of(), reason, List.of());
  }

  /** Apps that were not brought in line (busy, failed, deferred). */
  public List<AppResult> incomplete() {
    return apps.stream().filter(a -> !a.outcome().complete()).toList();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trigger", trigger);
    m.put("dryRun", dryRun);
    m.put("apps", apps.stream().map(AppResult::toMap).toList());
    if (ignored != null) {
      m.put("ignored", ignored);
    }
    if (!unknownSources.isEmpty()) {
      m.put("unknownSources", unknownSources);
    }
    return m;
  }
}
