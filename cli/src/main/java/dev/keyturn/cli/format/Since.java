package dev.keyturn.cli.format;

import dev.keyturn.cli.common.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --since}: an age ({@code 90m}, {@code 24h}, {@code 7d}), a date or an instant. */
public final class Since {

  private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhd])");

  private Since() {}

  /**
   * @throws UsageException naming the accepted forms
   */
  public static Instant parse(String text, Instant now) {
    String t = text.strip();
    Matcher age = AGE.matcher(t);
    if (age.matches()) {
      long n = Long.parseLong(age.group(1));
      Duration d =
          switch (age.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return now.minus(d);
    }
    try {
      return t.length() == 10
          ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--since "
              + t
              + ": expected an age (30m, 24h, 7d), a date (2026-11-01) or an instant"
              + " (2026-11-01T09:00:00Z)");
    }
  }
}
