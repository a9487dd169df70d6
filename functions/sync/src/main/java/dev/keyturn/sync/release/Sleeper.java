package dev.keyturn.sync.release;

import java.time.Duration;

/** Waits between two polls of pending releases; tests pass one that moves their own clock. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException when the wait was interrupted (polling stops)
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps on the current thread. */
  static Sleeper threadSleep() {
    return Thread::sleep;
  }
}
