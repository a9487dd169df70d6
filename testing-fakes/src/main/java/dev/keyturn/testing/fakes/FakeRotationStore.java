package dev.keyturn.testing.fakes;

import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rotation runs and last-rotated instants in maps, updated like {@code DynamoRotationStore}: the
 * first update of a run fixes its start, every update sets step, status and error (none clears it),
 * an {@code ok} records the step's time; {@link #recordRotated} sets only the secret's last-rotated
 * instant.
 */
public final class FakeRotationStore extends FakePort implements RotationStore {

  private final Map<String, RotationRecord> runs = new LinkedHashMap<>();
  private final Map<String, Instant> lastRotated = new HashMap<>();

  @Override
  public synchronized void recordStep(RotationRecord.StepUpdate u) {
    enter("recordStep");
    String key = key(u.secretName(), u.token());
    RotationRecord old = runs.get(key);
    Map<String, Instant> times = new HashMap<>(old == null ? Map.of() : old.stepTimes());
    if ("ok".equals(u.status())) {
      times.put(u.step(), u.at());
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
            u.error()));
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
