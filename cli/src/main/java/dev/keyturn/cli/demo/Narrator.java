package dev.keyturn.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints the demo's account of each step, numbered, with how long it took. */
final class Narrator {

  private final PrintWriter out;
  private final long started = System.nanoTime();
  private int step;
  private long stepStarted;

  Narrator(PrintWriter out) {
    this.out = out;
  }

  void step(String title) {
    step++;
    stepStarted = System.nanoTime();
    out.printf("%n[%d] %s%n", step, title);
    out.flush();
  }

  void detail(String format, Object... args) {
    out.printf("    " + format + "%n", args);
    out.flush();
  }

  void ok(String format, Object... args) {
    long ms = Duration.ofNanos(System.nanoTime() - stepStarted).toMillis();
    out.printf("    ok: " + format + " (%d ms)%n", append(args, ms));
    out.flush();
  }

  void done() {
    long s = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    out.printf("%ndemo finished in %d s: every step passed.%n", s);
    out.flush();
  }

  private static Object[] append(Object[] args, Object last) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }
}
