package dev.keyturn.state;

import java.time.Instant;
import java.util.List;

/** The retire-at-vendor tasks operator-assisted rotations leave behind. */
public interface RetireTaskStore {

  /** Records an open task; recording the same (entry, new version) again changes nothing. */
  void record(RetireTask task);

  /** Every open task, oldest first (one query). */
  List<RetireTask> open();

  /** The open tasks of one entry, oldest first. */
  List<RetireTask> open(String secretName);

  /**
   * Closes every open task of the entry.
   *
   * @return the tasks closed now (empty when none was open)
   */
  List<RetireTask> close(String secretName, Instant at, String by);
}
