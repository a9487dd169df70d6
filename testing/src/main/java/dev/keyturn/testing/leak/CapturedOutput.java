package dev.keyturn.testing.leak;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything logged (through {@link CapturingAppender}) or printed (through {@link ConsoleTee}) in
 * this JVM, in order. Kept in memory for the whole run so the leak guard can read any window of it.
 */
public final class CapturedOutput {

  /**
   * One log event or console line. {@code source} names where it came from (a logger name, or
   * System.out / System.err); {@code sequence} is its position in the run.
   */
  public record Entry(long sequence, String source, String text) {}

  private static final List<Entry> ENTRIES = new ArrayList<>();

  private CapturedOutput() {}

  public static void record(String source, String text) {
    synchronized (ENTRIES) {
      ENTRIES.add(new Entry(ENTRIES.size(), source, text));
    }
  }

  /** The sequence number the next entry will get; pass it to {@link #since(long)} later. */
  public static long cursor() {
    synchronized (ENTRIES) {
      return ENTRIES.size();
    }
  }

  /** Entries from {@code cursor} (inclusive) to now. */
  public static List<Entry> since(long cursor) {
    synchronized (ENTRIES) {
      int from = (int) Math.min(Math.max(cursor, 0), ENTRIES.size());
      return List.copyOf(ENTRIES.subList(from, ENTRIES.size()));
    }
  }
}
