package dev.keyturn.rotate.fakes;

import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The retire tasks in memory, keyed like the table (entry and new version). */
public final class InMemoryRetireTaskStore implements RetireTaskStore {

  private final Map<String, RetireTask> tasks = new LinkedHashMap<>();

  @Override
  public void record(RetireTask task) {
    tasks.putIfAbsent(task.secretName() + "#" + task.newVersion(), task);
  }

  @Override
  public List<RetireTask> open() {
    return tasks.values().stream()
        .filter(RetireTask::open)
        .sorted(Comparator.comparing(RetireTask::createdAt))
        .toList();
  }

  @Override
  public List<RetireTask> open(String secretName) {
    return open().stream().filter(t -> t.secretName().equals(secretName)).toList();
  }

  @Override
  public List<RetireTask> close(String secretName, Instant at, String by) {
    List<RetireTask> closed = new ArrayList<>();
    for (RetireTask t : open(secretName)) {
      RetireTask c = t.closed(at, by);
      tasks.put(t.secretName() + "#" + t.newVersion(), c);
      closed.add(c);
    }
    return closed;
  }
}
