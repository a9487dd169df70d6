package dev.keyturn.testing.fakes;

import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rotation runs and last-rotated instants in maps, updated like {@code DynamoRotationStore}: the
 * first update of a run fixes its start, every update sets step, status and error (none clears it),
 * an {@code ok} records the step's time, a {@code completed} starts the life cycle at {@code
 * finished} (unless a stage is there); {@link #recordRotated} sets only the secret's last rotation;
 * {@link #advance} moves a completed run's stage forward only.
 */
public final class FakeRotationStore extends FakePort implements RotationStore {

  private final Map<String, RotationRecord> runs = new LinkedHashMap<>();
  private final Map<String, Instant> lastRotated = new HashMap<>();
  private final Map<String, String[]> lastTokenAndVersion = new HashMap<>();

  @Override
  public synchronized void recordStep(RotationRecord.StepUpdate u) {
    enter("recordStep");
    String key = key(u.secretName(), u.token());
    RotationRecord old = runs.get(key);
    Map<String, Instant> times = new HashMap<>(old == null ? Map.of() : old.stepTimes());
    if ("ok".equals(u.status())) {
      times.put(u.step(), u.at());
    }
    LifecycleStage stage = old == null ? null : old.stage();
    Map<LifecycleStage, Instant> stageTimes = new EnumMap<>(LifecycleStage.class);
    if (old != null) {
      stageTimes.putAll(old.stageTimes());
    }
    if ("completed".equals(u.status())) {
      stage = stage == null ? LifecycleStage.FINISHED : stage;
      stageTimes.putIfAbsent(LifecycleStage.FINISHED, u.at());
    }
    runs.put(
        key,
        new RotationRecord(
            u.secretName(),
            u.token(),
            u.step(),
            u.status(),
            old == null ? u.at() : old.startedAt(),
            u.at(),
            times,
            u.error(),
            stage,
            stageTimes));
  }

  @Override
  public synchronized Optional<LifecycleStage> advance(
      String secretName, String token, LifecycleStage stage, Instant at) {
    enter("advance");
    RotationRecord run = runs.get(key(secretName, token));
    if (run == null || !run.completed()) {
      return Optional.empty();
    }
    if (run.stage() != null && run.stage().reached(stage)) {
      return Optional.of(run.stage());
    }
    Map<LifecycleStage, Instant> stageTimes = new EnumMap<>(LifecycleStage.class);
    stageTimes.putAll(run.stageTimes());
    stageTimes.putIfAbsent(stage, at);
    runs.put(
        key(secretName, token),
        new RotationRecord(
            run.secretName(),
            run.token(),
            run.step(),
            run.status(),
            run.startedAt(),
            run.updatedAt(),
            run.stepTimes(),
            run.error(),
            stage,
            stageTimes));
    return Optional.of(stage);
  }

  @Override
  public synchronized Optional<LastRotation> latest(String secretName) {
    enter("latest");
    String[] last = lastTokenAndVersion.get(secretName);
    if (last == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(runs.get(key(secretName, last[0])))
        .map(run -> new LastRotation(last[1], run));
  }

  @Override
  public synchronized Optional<RotationRecord> rotation(String secretName, String token) {
    enter("rotation");
    return Optional.ofNullable(runs.get(key(secretName, token)));
  }

  @Override
  public synchronized void recordRotated(
      String secretName, String token, String versionId, Instant at) {
    enter("recordRotated");
    lastRotated.put(secretName, at);
    lastTokenAndVersion.put(secretName, new String[] {token, versionId});
  }

  @Override
  public synchronized Optional<Instant> lastRotated(String secretName) {
    enter("lastRotated");
    return Optional.ofNullable(lastRotated.get(secretName));
  }

  /** Every run, by {@code <secret>#<token>}, in the order first recorded. */
  public synchronized Map<String, RotationRecord> runs() {
    return Map.copyOf(runs);
  }

  private static String key(String secretName, String token) {
    return secretName + "#" + token;
  }
}
