package dev.keyturn.testing.fakes;

import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retire-at-vendor tasks in a map keyed like {@code DynamoRetireTaskStore} (entry and new version):
 * recording a task again keeps the first; open tasks come oldest first; closing sets the time and
 * who on every open task of the entry and returns those, a task closed before stays as it was.
 */
public final class FakeRetireTaskStore extends FakePort implements RetireTaskStore {

  private final Map<String, RetireTask> tasks = new LinkedHashMap<>();

  @Override
  public synchronized void record(RetireTask task) {
    enter("record");
    tasks.putIfAbsent(key(task), task);
  }

  @Override
  public synchronized List<RetireTask> open() {
    enter("open");
    return openTasks(null);
  }

  @Override
  public synchronized List<RetireTask> open(String secretName) {
    enter("open");
    return openTasks(secretName);
  }

  @Override
  public synchronized List<RetireTask> close(String secretName, Instant at, String by) {
    enter("close");
    List<RetireTask> closed = new ArrayList<>();
    for (RetireTask t : openTasks(secretName)) {
      RetireTask c = t.closed(at, by);
      tasks.put(key(t), c);
      closed.add(c);
    }
    return closed;
  }

  /** Every task, open or closed, in the order recorded. */
  public synchronized List<RetireTask> all() {
    return List.copyOf(tasks.values());
  }

  private List<RetireTask> openTasks(String secretName) {
    return tasks.values().stream()
        .filter(RetireTask::open)
        .filter(t -> secretName == null || t.secretName().equals(secretName))
        .sorted(Comparator.comparing(RetireTask::createdAt))
        .toList();
  }

  private static String key(RetireTask t) {
    return t.secretName() + "#" + t.newVersion();
  }
}
