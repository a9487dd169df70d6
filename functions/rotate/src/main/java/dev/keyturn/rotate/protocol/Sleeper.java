package dev.keyturn.rotate.protocol;

import java.time.Duration;

/** Waits between retries. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration);

  /** Sleeps on the current thread; an interrupt ends the wait early and is kept. */
  static Sleeper threadSleep() {
    return duration -> {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
