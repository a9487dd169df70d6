package dev.keyturn.webhook.fakes;

import dev.keyturn.state.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Releases sync recorded, and the confirmations the function made. */
public final class InMemorySyncState implements SyncStateStore {

  /** One confirmRelease call. */
  public record Confirmation(String app, String releaseId, Instant at) {}

  private final Set<String> recorded = new HashSet<>();
  private final List<Confirmation> confirmations = new ArrayList<>();
  private boolean failing;
  private Runnable beforeConfirm = () -> {};

  /** Runs before each confirmation: a test's stand-in for a slow table. */
  public void beforeConfirm(Runnable action) {
    this.beforeConfirm = action;
  }

  public void recorded(String app, String releaseId) {
    recorded.add(app + "/" + releaseId);
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public List<Confirmation> confirmations() {
    return confirmations;
  }

  @Override
  public Map<String, VarState> vars(String app) {
    return Map.of();
  }

  @Override
  public void recordPublished(String app, List<VarState> vars) {
    throw new UnsupportedOperationException("the webhook function never publishes vars");
  }

  @Override
  public void forget(String app, List<String> vars) {
    throw new UnsupportedOperationException("the webhook function never publishes vars");
  }

  @Override
  public ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at) {
    beforeConfirm.run();
    if (failing) {
      throw new IllegalStateException("sync state unavailable (test)");
    }
    if (!recorded.contains(app + "/" + releaseId)) {
      return ReleaseConfirmation.UNKNOWN;
    }
    boolean first =
        confirmations.stream()
            .noneMatch(c -> c.app().equals(app) && c.releaseId().equals(releaseId));
    confirmations.add(new Confirmation(app, releaseId, at));
    return first ? ReleaseConfirmation.CONFIRMED : ReleaseConfirmation.ALREADY_CONFIRMED;
  }
}
