package dev.keyturn.testing.fakes;

import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last sighting per webhook source in a map, kept like {@code DynamoSenderSightings}: a
 * sighting earlier than the recorded one is ignored.
 */
public final class FakeSenderSightings extends FakePort implements SenderSightings {

  private final Map<String, SenderSighting> last = new HashMap<>();

  @Override
  public synchronized void record(String source, String versionId, Instant at) {
    enter("record");
    SenderSighting held = last.get(source);
    if (held == null || !held.at().isAfter(at)) {
      last.put(source, new SenderSighting(source, versionId, at));
    }
  }

  @Override
  public synchronized Optional<SenderSighting> last(String source) {
    enter("last");
    return Optional.ofNullable(last.get(source));
  }
}
