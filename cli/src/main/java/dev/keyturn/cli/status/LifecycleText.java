package dev.keyturn.cli.status;

import dev.keyturn.cli.status.EntryStatus.LifecycleStatus;
import java.util.List;

/**
 * How {@code status} prints a rotation's life cycle (issue 11): the stage and its age, {@code
 * published 3h}, and {@code STUCK} past the confirmation deadline. Kept apart from {@link
 * StatusTable} so the columns other work adds merge cleanly.
 */
final class LifecycleText {

  private LifecycleText() {}

  /** {@code confirmed 2d}, {@code finished 26h STUCK}; empty without a rotation. */
  static String of(LifecycleStatus l) {
    if (l == null) {
      return "";
    }
    return l.stage() + " " + age(l.ageSeconds()) + (l.stuck() ? " STUCK" : "");
  }

  /** The age in its largest whole unit: {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}. */
  static String age(long seconds) {
    long s = Math.max(0, seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 2 * 86400) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }

  /** The summary line's part: {@code , 2 stuck before confirmed}, or empty. */
  static String stuckSummary(List<EntryStatus> rows) {
    long stuck = rows.stream().filter(r -> r.lifecycle() != null && r.lifecycle().stuck()).count();
    return stuck == 0 ? "" : ", " + stuck + " stuck before confirmed";
  }
}
