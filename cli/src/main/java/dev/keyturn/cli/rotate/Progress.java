package dev.keyturn.cli.rotate;

import java.io.PrintWriter;

/** Step-by-step lines while a rotation runs (stdout, or stderr when stdout carries JSON). */
final class Progress {

  private final PrintWriter out;

  Progress(PrintWriter out) {
    this.out = out;
  }

  void say(String format, Object... args) {
    out.printf(format + "%n", args);
    out.flush();
  }

  void step(String step, String outcome) {
    out.printf("  ok  %-13s %s%n", step, outcome);
    out.flush();
  }
}
