package dev.keyturn.sync.plan;

import dev.keyturn.state.SyncStateStore.VarState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The plan for one target: every managed var in scope and what happens to it. */
public record AppPlan(String app, List<VarChange> vars) {

  public AppPlan {
    vars = List.copyOf(vars);
  }

  public boolean hasChanges() {
    return vars.stream().anyMatch(VarChange::changes);
  }

  /** The body of the one PATCH: changed keys only, a null value deletes. */
  public Map<String, String> patch() {
    Map<String, String> body = new LinkedHashMap<>();
    for (VarChange v : vars) {
      switch (v.action()) {
        case SET -> body.put(v.var(), v.value());
        case REMOVE -> body.put(v.var(), null);
        case UNCHANGED -> {}
      }
    }
    return body;
  }

  public List<String> setKeys() {
    return keys(VarChange.Action.SET);
  }

  public List<String> removedKeys() {
    return keys(VarChange.Action.REMOVE);
  }

  public List<String> unchangedKeys() {
    return keys(VarChange.Action.UNCHANGED);
  }

  public List<String> driftKeys() {
    return vars.stream()
        .filter(v -> v.reason() == VarChange.Reason.DRIFT)
        .map(VarChange::var)
        .toList();
  }

  /** Source version ids of what is being set, for the audit trail. */
  public List<String> setVersions() {
    return vars.stream()
        .filter(v -> v.action() == VarChange.Action.SET)
        .map(VarChange::sourceVersion)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private List<String> keys(VarChange.Action action) {
    return vars.stream().filter(v -> v.action() == action).map(VarChange::var).toList();
  }

  /**
   * What to record after this plan ran: every var set (with the release it made, and for targets
   * that never return values the keyed digest of what was set), and every unchanged var whose
   * record is missing or out of date (a first adoption, a new source version, a first {@code
   * updated_at} baseline), so later drift is recognised and a renamed var is known to be keyturn's
   * to delete.
   *
   * @param releaseId the release the change made; null when there was none or it is not known
   * @param written the vars the target took, when it took only some (a deferred or failed apply);
   *     null when it took the whole plan
   */
  public List<VarState> statesToRecord(
      String releaseId,
      Integer releaseVersion,
      Instant at,
      Map<String, VarState> recorded,
      Set<String> written) {
    List<VarState> out = new ArrayList<>();
    for (VarChange v : vars) {
      VarState before = recorded.get(v.var());
      switch (v.action()) {
        case SET -> {
          if (written == null || written.contains(v.var())) {
            out.add(
                new VarState(
                    app,
                    v.var(),
                    v.secretName(),
                    v.sourceVersion(),
                    releaseId,
                    releaseVersion,
                    at,
                    null,
                    v.digest(),
                    null));
          }
        }
        case UNCHANGED -> {
          if (staleRecord(v, before)) {
            out.add(
                new VarState(
                    app,
                    v.var(),
                    v.secretName(),
                    v.sourceVersion(),
                    before == null ? null : before.releaseId(),
                    before == null ? null : before.releaseVersion(),
                    at,
                    before == null ? null : before.confirmedAt(),
                    v.digest(),
                    baseline(v, before)));
          }
        }
        case REMOVE -> {}
      }
    }
    return out;
  }

  /** As {@link #statesToRecord(String, Integer, Instant, Map, Set)} for a whole applied plan. */
  public List<VarState> statesToRecord(
      String releaseId, Integer releaseVersion, Instant at, Map<String, VarState> recorded) {
    return statesToRecord(releaseId, releaseVersion, at, recorded, null);
  }

  private static boolean staleRecord(VarChange v, VarState before) {
    return before == null
        || !Objects.equals(before.sourceVersion(), v.sourceVersion())
        || (v.digest() != null && !v.digest().equals(before.digest()))
        || (v.digest() != null && before.remoteUpdatedAt() == null && v.remoteUpdatedAt() != null);
  }

  private static Instant baseline(VarChange v, VarState before) {
    if (v.digest() == null) {
      return null;
    }
    return before != null && before.remoteUpdatedAt() != null
        ? before.remoteUpdatedAt()
        : v.remoteUpdatedAt();
  }

  @Override
  public String toString() {
    return "AppPlan[app=" + app + ", vars=" + vars + "]";
  }
}
