package dev.keyturn.inventory;

import java.time.Duration;
import java.util.Optional;

/** Rotation cadences of the taxonomy's {@code rotation} tag. */
public enum Cadence {
  DAYS_30("30d", Duration.ofDays(30)),
  DAYS_60("60d", Duration.ofDays(60)),
  DAYS_90("90d", Duration.ofDays(90)),
  DAYS_180("180d", Duration.ofDays(180)),
  ANNUAL("annual", Duration.ofDays(365)),
  NON_ROTATING("non-rotating", null);

  private final String tag;
  private final Duration interval;

  Cadence(String tag, Duration interval) {
    this.tag = tag;
    this.interval = interval;
  }

  public String tag() {
    return tag;
  }

  /** How long a value may live; empty for {@link #NON_ROTATING}. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(interval);
  }

  public static Optional<Cadence> fromTag(String tag) {
    for (Cadence c : values()) {
      if (c.tag.equals(tag)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
