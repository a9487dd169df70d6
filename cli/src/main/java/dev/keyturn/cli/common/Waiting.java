package dev.keyturn.cli.common;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On a terminal, a spinner line on stderr once a remote call has taken {@link #AFTER_MILLIS}: what
 * it waits for, where, and for how long ({@code ⠙ waiting for DynamoDB Query at
 * http://127.0.0.1:8000 (4s)}). It clears itself when the call ends. Off a terminal it is never
 * started: logs and pipes get no carriage returns.
 */
final class Waiting implements AutoCloseable {

  static final long AFTER_MILLIS = 2_000;
  private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

  private final PrintWriter err;
  private final ScheduledExecutorService ticker;
  private int frame;
  private boolean shown;

  private Waiting(PrintWriter err) {
    this.err = err;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "keyturn-waiting");
          t.setDaemon(true);
          return t;
        });
    ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** Starts one on a terminal; otherwise returns a handle that does nothing. */
  static AutoCloseable start(Terminal terminal, PrintWriter err) {
    return terminal.interactive() ? new Waiting(err) : () -> {};
  }

  private synchronized void tick() {
    var call = CallWatch.oldest().filter(c -> c.age().toMillis() >= AFTER_MILLIS);
    if (call.isPresent()) {
      char spinner = FRAMES.charAt(frame++ % FRAMES.length());
      err.print(
          "\r\u001B[K"
              + spinner
              + " waiting for "
              + call.get().describe()
              + " ("
              + call.get().age().toSeconds()
              + "s)");
      err.flush();
      shown = true;
    } else {
      clear();
    }
  }

  private void clear() {
    if (shown) {
      err.print("\r\u001B[K");
      err.flush();
      shown = false;
    }
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    clear();
  }
}
