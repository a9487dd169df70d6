package dev.keyturn.testing.fakes;

import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rotation overrides in a map, kept like {@code DynamoRotationOverrideStore}: one per entry, taken
 * by one token, lapsed at {@code notAfter}.
 */
public final class FakeRotationOverrideStore extends FakePort implements RotationOverrideStore {

  private record Held(RotationOverride override, String takenBy) {}

  private final Map<String, Held> overrides = new HashMap<>();

  @Override
  public synchronized void grant(RotationOverride override) {
    enter("grant");
    overrides.put(override.secretName(), new Held(override, null));
  }

  @Override
  public synchronized Optional<RotationOverride> take(
      String secretName, String token, Instant now) {
    enter("take");
    Held held = overrides.get(secretName);
    if (held == null
        || !held.override().notAfter().isAfter(now)
        || (held.takenBy() != null && !held.takenBy().equals(token))) {
      return Optional.empty();
    }
    overrides.put(secretName, new Held(held.override(), token));
    return Optional.of(held.override());
  }
}
