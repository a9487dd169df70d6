package dev.keyturn.state;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.state.SyncStateStore.VarState;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where one version of one inventory entry stands on its sinks ({@link
 * SyncStateStore#publication}): the life cycle's {@code published} and {@code confirmed} stages.
 *
 * @param stages per target key, sorted
 */
public record Publication(String entry, String sourceVersion, Map<String, Stage> stages) {

  /** One target's stage for the version. */
  public enum Stage {
    /** Not every var of the entry on the target is recorded at the version (or none is). */
    UNPUBLISHED,
    /** Recorded at the version; a Heroku release not confirmed yet. */
    PUBLISHED,
    /** Recorded, and Heroku reported its release failed: consumers do not use it. */
    RELEASE_FAILED,
    /** Consumers use it (Heroku: release confirmed; other kinds: published). */
    CONFIRMED
  }

  public Publication {
    stages = Map.copyOf(stages);
  }

  /** Every target has the version recorded (a failed release was still published). */
  public boolean published() {
    return stages.values().stream().noneMatch(s -> s == Stage.UNPUBLISHED);
  }

  /** Every target's consumers use the version. */
  public boolean confirmed() {
    return stages.values().stream().allMatch(s -> s == Stage.CONFIRMED);
  }

  /** The targets whose release failed, sorted. */
  public List<String> failedTargets() {
    return stages.entrySet().stream()
        .filter(e -> e.getValue() == Stage.RELEASE_FAILED)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  static Stage stage(
      String target, Collection<VarState> recorded, String entry, String sourceVersion) {
    List<VarState> mine = recorded.stream().filter(v -> entry.equals(v.secretName())).toList();
    if (mine.isEmpty() || !mine.stream().allMatch(v -> sourceVersion.equals(v.sourceVersion()))) {
      return Stage.UNPUBLISHED;
    }
    if (!SinkKey.HEROKU.equals(SinkKey.kind(target))) {
      return Stage.CONFIRMED;
    }
    if (mine.stream().anyMatch(v -> v.releaseFailedAt() != null)) {
      return Stage.RELEASE_FAILED;
    }
    return mine.stream().allMatch(v -> v.confirmedAt() != null) ? Stage.CONFIRMED : Stage.PUBLISHED;
  }
}
