package dev.keyturn.cli.status;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.cli.format.Table;
import dev.keyturn.cli.status.EntryStatus.ExpiryStatus;
import dev.keyturn.cli.status.EntryStatus.RotationStatus;
import dev.keyturn.cli.status.EntryStatus.SinkStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The status rows as a text table: one line per sink (an entry without sinks gets one line).
 *
 * <p>By default it fits a 120-column terminal: one line per entry with the columns a glance needs
 * (name, rotation mode, cadence, dates, state, worst drift), then one line per sink below it; an
 * over-long name or sink is elided in the middle. {@code --wide} is one line per sink with the
 * source, the last sync and the Heroku release as well, and never elides.
 */
final class StatusTable {

  /** The terminal width the default layout fits. */
  static final int WIDTH = 120;

  /** What gives way, in order, when a line is too long: a long name, the state, then both. */
  static final List<Table.Elision> ELISIONS =
      List.of(new Table.Elision(0, 32), new Table.Elision(6, 14), new Table.Elision(0, 16));

  private StatusTable() {}

  static void print(List<EntryStatus> rows, boolean herokuChecked, boolean wide, PrintWriter out) {
    Table table = wide ? wideTable(rows, herokuChecked) : narrowTable(rows, herokuChecked);
    table.print(out);
    if (!wide && rows.stream().anyMatch(r -> isBySource(r.rotation()))) {
      out.println("* when the source last changed (keyturn has no rotation of its own recorded)");
    }
    tasks(rows, out);
    WebhookText.print(rows, out);
    long due = rows.stream().filter(r -> r.rotation().due()).count();
    long expiring = rows.stream().filter(r -> r.expiry().expiring()).count();
    long rotating = rows.stream().filter(r -> r.inFlight() != null).count();
    long missing = rows.stream().filter(r -> !r.source().exists()).count();
    long tasks = rows.stream().mapToLong(r -> r.retireTasks().size()).sum();
    long overdue =
        rows.stream()
            .flatMap(r -> r.retireTasks().stream())
            .filter(EntryStatus.RetireTaskStatus::overdue)
            .count();
    out.printf(
        "%d entries, %d due, %d expiring, %d mid-rotation, %d to retire at the vendor (%d"
            + " overdue)%s%s%s%n",
        rows.size(),
        due,
        expiring,
        rotating,
        tasks,
        overdue,
        missing == 0 ? "" : ", " + missing + " source" + (missing == 1 ? "" : "s") + " missing",
        LifecycleText.stuckSummary(rows),
        WebhookText.refusedSummary(rows));
    out.flush();
  }

  private static Table narrowTable(List<EntryStatus> rows, boolean herokuChecked) {
    Table table =
        new Table(
                "NAME", "MODE", "CADENCE", "LAST ROTATED", "NEXT DUE", "EXPIRES", "STATE", "DRIFT")
            .fit(WIDTH, ELISIONS);
    for (EntryStatus r : rows) {
      table.row(
          r.name(),
          r.mode(),
          dash(r.rotation().cadence()),
          lastRotatedShort(r.rotation()),
          nextDue(r.rotation()),
          expires(r.expiry()),
          state(r),
          r.drift() == null ? "" : r.drift());
      for (SinkStatus s : r.sinks()) {
        table.note(sinkLine(s, herokuChecked));
      }
    }
    return table;
  }

  /** {@code -> heroku kt-web SESSION_HMAC behind heroku matches: no}. */
  private static String sinkLine(SinkStatus s, boolean herokuChecked) {
    StringBuilder b = new StringBuilder("  -> ").append(sinkName(s));
    if (s.drift() != null) {
      b.append("  ").append(s.drift());
    }
    if (herokuChecked && s.herokuMatches() != null) {
      b.append("  heroku matches: ").append(s.herokuMatches() ? "yes" : "no");
    }
    return b.toString();
  }

  private static Table wideTable(List<EntryStatus> rows, boolean herokuChecked) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "NAME",
                "MODE",
                "SOURCE",
                "CADENCE",
                "LAST ROTATED",
                "NEXT DUE",
                "ROTATING",
                "STAGE",
                "EXPIRES",
                "SINK",
                "LAST SYNC",
                "RELEASE",
                "DRIFT"));
    if (herokuChecked) {
      headers.add("HEROKU MATCHES");
    }
    Table table = new Table(headers.toArray(String[]::new));
    for (EntryStatus r : rows) {
      boolean first = true;
      for (SinkStatus s : sinksOf(r)) {
        List<String> cells = new ArrayList<>();
        if (first) {
          cells.addAll(
              List.of(
                  r.name(),
                  r.mode(),
                  source(r),
                  dash(r.rotation().cadence()),
                  lastRotated(r.rotation()),
                  nextDue(r.rotation()),
                  inFlight(r.inFlight()),
                  LifecycleText.of(r.lifecycle()),
                  expires(r.expiry())));
        } else {
          cells.addAll(Collections.nCopies(8, ""));
        }
        cells.addAll(sink(s));
        if (herokuChecked) {
          cells.add(matches(s));
        }
        table.row(cells.toArray(String[]::new));
        first = false;
      }
    }
    return table;
  }

  private static List<SinkStatus> sinksOf(EntryStatus r) {
    return r.sinks().isEmpty() ? Collections.singletonList(null) : r.sinks();
  }

  private static String matches(SinkStatus s) {
    return s == null || s.herokuMatches() == null ? "" : s.herokuMatches() ? "yes" : "no";
  }

  /** The retire-at-vendor tasks, one line each, below the table. */
  private static void tasks(List<EntryStatus> rows, PrintWriter out) {
    boolean first = true;
    for (EntryStatus r : rows) {
      for (EntryStatus.RetireTaskStatus t : r.retireTasks()) {
        if (first) {
          out.println("Retire at the vendor (then: keyturn retired NAME):");
          first = false;
        }
        out.printf("  %s: %s%s%n", r.name(), t.task(), t.overdue() ? " OVERDUE" : "");
      }
    }
  }

  private static String source(EntryStatus r) {
    String prefix = "ssm".equals(r.source().kind()) ? "ssm:" : "sm:";
    return prefix + r.source().id() + (r.source().exists() ? "" : " (MISSING)");
  }

  private static boolean isBySource(RotationStatus r) {
    return r.lastRotated() != null && Schedule.BY_SOURCE.equals(r.lastRotatedBy());
  }

  private static String lastRotated(RotationStatus r) {
    if (r.lastRotated() == null) {
      return "-";
    }
    String day = Dates.day(r.lastRotated());
    return isBySource(r) ? day + " (source)" : day;
  }

  /** The narrow layout's form: {@code 2026-01-01*} for a date the source gave. */
  private static String lastRotatedShort(RotationStatus r) {
    if (r.lastRotated() == null) {
      return "-";
    }
    return Dates.day(r.lastRotated()) + (isBySource(r) ? "*" : "");
  }

  private static String nextDue(RotationStatus r) {
    if (r.nextDue() == null) {
      return r.due() ? "now" : "never";
    }
    return Dates.day(r.nextDue()) + (r.due() ? " DUE" : "");
  }

  /**
   * What is wrong or going on with the entry itself: a missing source, a rotation under way, else
   * the last rotation's life-cycle stage and age.
   */
  private static String state(EntryStatus r) {
    if (!r.source().exists()) {
      return "source missing";
    }
    return r.inFlight() != null ? inFlight(r.inFlight()) : LifecycleText.of(r.lifecycle());
  }

  /** {@code failed at testSecret}, {@code at setSecret}, or {@code pending} (no record yet). */
  private static String inFlight(EntryStatus.InFlight f) {
    if (f == null) {
      return "";
    }
    if (f.step() == null) {
      return "pending";
    }
    return "failed".equals(f.status()) ? "failed at " + f.step() : "at " + f.step();
  }

  private static String expires(ExpiryStatus e) {
    if (e.at() == null) {
      return e.expiresAt() == null ? "-" : "never";
    }
    String day = Dates.day(e.at());
    if (e.expired()) {
      return day + " EXPIRED";
    }
    return e.expiring() ? day + " (" + e.daysLeft() + "d)" : day;
  }

  private static String sinkName(SinkStatus s) {
    return s == null ? "-" : s.kind() + " " + s.target() + " " + s.var();
  }

  private static List<String> sink(SinkStatus s) {
    if (s == null) {
      return List.of("-", "", "", "");
    }
    String release =
        s.releaseVersion() == null
            ? ""
            : "v" + s.releaseVersion() + (s.confirmedAt() != null ? " confirmed" : "");
    return List.of(
        sinkName(s),
        s.lastSync() == null ? "" : Dates.minute(s.lastSync()),
        release,
        s.drift() == null ? "" : s.drift());
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }
}
