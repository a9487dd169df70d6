package dev.keyturn.cli.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the CLI shows instants: UTC, to the minute in tables, in full in JSON. */
public final class Dates {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Dates() {}

  /** {@code 2026-11-22 14:05Z}, or {@code null} (a table prints {@code -}). */
  public static String minute(Instant at) {
    return at == null ? null : MINUTE.format(at);
  }

  /** {@code 2026-11-22 14:05:09Z}, or {@code null}. */
  public static String second(Instant at) {
    return at == null ? null : SECOND.format(at);
  }

  /** {@code 14:05:09Z}, or {@code null}. */
  public static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  /** {@code 2026-11-22}, or {@code null}. */
  public static String day(Instant at) {
    return at == null ? null : DAY.format(at);
  }
}
