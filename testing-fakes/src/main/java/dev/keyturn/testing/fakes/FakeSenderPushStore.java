package dev.keyturn.testing.fakes;

import dev.keyturn.state.SenderPush;
import dev.keyturn.state.SenderPushStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes to webhook senders in a map, kept like {@code DynamoSenderPushStore}: one record per
 * source and version, the first one kept when the same push is recorded again.
 */
public final class FakeSenderPushStore extends FakePort implements SenderPushStore {

  private final Map<String, SenderPush> pushes = new LinkedHashMap<>();

  @Override
  public synchronized Optional<SenderPush> push(String source, String versionId) {
    enter("push");
    return Optional.ofNullable(pushes.get(key(source, versionId)));
  }

  @Override
  public synchronized void recordPush(SenderPush push) {
    enter("recordPush");
    pushes.putIfAbsent(key(push.source(), push.versionId()), push);
  }

  @Override
  public synchronized List<SenderPush> pushes(String source) {
    enter("pushes");
    List<SenderPush> out = new ArrayList<>();
    pushes.values().stream().filter(p -> p.source().equals(source)).forEach(out::add);
    out.sort(Comparator.comparing(SenderPush::pushedAt).reversed());
    return List.copyOf(out);
  }

  private static String key(String source, String versionId) {
    return source + "#" + versionId;
  }
}
