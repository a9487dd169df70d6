package dev.keyturn.testing.fakes;

import dev.keyturn.state.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What sync published, per app and var, with {@code DynamoSyncStateStore}'s rules: vars come back
 * sorted by name; recording a var replaces its whole state; a release is confirmed by setting the
 * confirmation time of every var published in it that has none yet: {@code CONFIRMED} when this
 * call set one, {@code ALREADY_CONFIRMED} when all had one, {@code UNKNOWN} when no recorded var
 * names the release. Keeps every confirmation call that found its release.
 */
public final class FakeSyncStateStore extends FakePort implements SyncStateStore {

  /** One {@link #confirmRelease} call that found its release. */
  public record Confirmation(String app, String releaseId, Instant at) {}

  private final Map<String, TreeMap<String, VarState>> apps = new HashMap<>();
  private final List<Confirmation> confirmations = new ArrayList<>();

  @Override
  public synchronized Map<String, VarState> vars(String app) {
    enter("vars");
    return new LinkedHashMap<>(apps.getOrDefault(app, new TreeMap<>()));
  }

  @Override
  public synchronized void recordPublished(String app, List<VarState> vars) {
    enter("recordPublished");
    vars.forEach(v -> apps.computeIfAbsent(v.app(), a -> new TreeMap<>()).put(v.var(), v));
  }

  @Override
  public synchronized void forget(String app, List<String> vars) {
    enter("forget");
    TreeMap<String, VarState> recorded = apps.get(app);
    if (recorded != null) {
      vars.forEach(recorded::remove);
    }
  }

  @Override
  public synchronized ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at) {
    enter("confirmRelease");
    boolean found = false;
    boolean confirmed = false;
    for (Map.Entry<String, VarState> e : apps.getOrDefault(app, new TreeMap<>()).entrySet()) {
      VarState v = e.getValue();
      if (releaseId.equals(v.releaseId())) {
        found = true;
        if (v.confirmedAt() == null) {
          e.setValue(
              new VarState(
                  v.app(),
                  v.var(),
                  v.secretName(),
                  v.sourceVersion(),
                  v.releaseId(),
                  v.releaseVersion(),
                  v.syncedAt(),
                  at));
          confirmed = true;
        }
      }
    }
    if (!found) {
      return ReleaseConfirmation.UNKNOWN;
    }
    confirmations.add(new Confirmation(app, releaseId, at));
    return confirmed ? ReleaseConfirmation.CONFIRMED : ReleaseConfirmation.ALREADY_CONFIRMED;
  }

  /** Every {@link #confirmRelease} call that found its release, in order. */
  public synchronized List<Confirmation> confirmations() {
    return List.copyOf(confirmations);
  }
}
