package dev.keyturn.rotate.fakes;

import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** ROTATION items and last-rotated instants in maps, updated like the DynamoDB adapter does. */
public final class InMemoryRotationStore implements RotationStore {

  private final Map<String, RotationRecord> runs = new LinkedHashMap<>();
  private final Map<String, Instant> lastRotated = new HashMap<>();

  @Override
  public void recordStep(RotationRecord.StepUpdate u) {
    String key = u.secretName() + "#" + u.token();
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
  public Optional<RotationRecord> rotation(String secretName, String token) {
    return Optional.ofNullable(runs.get(secretName + "#" + token));
  }

  @Override
  public void recordRotated(String secretName, String token, String versionId, Instant at) {
    lastRotated.put(secretName, at);
  }

  @Override
  public Optional<Instant> lastRotated(String secretName) {
    return Optional.ofNullable(lastRotated.get(secretName));
  }

  public Map<String, RotationRecord> runs() {
    return Map.copyOf(runs);
  }
}
