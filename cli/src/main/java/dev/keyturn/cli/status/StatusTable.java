package dev.keyturn.cli.status;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.cli.format.Table;
import dev.keyturn.cli.status.EntryStatus.ExpiryStatus;
import dev.keyturn.cli.status.EntryStatus.RotationStatus;
import dev.keyturn.cli.status.EntryStatus.SinkStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The status rows as a text table: one line per sink (an entry without sinks gets one line). */
final class StatusTable {

  private StatusTable() {}

  static void print(List<EntryStatus> rows, boolean herokuChecked, PrintWriter out) {
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
      List<SinkStatus> sinks =
          r.sinks().isEmpty() ? java.util.Collections.singletonList(null) : r.sinks();
      boolean first = true;
      for (SinkStatus s : sinks) {
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
                  expires(r.expiry())));
        } else {
          cells.addAll(List.of("", "", "", "", "", "", "", ""));
        }
        cells.addAll(sink(s));
        if (herokuChecked) {
          cells.add(s == null || s.herokuMatches() == null ? "" : s.herokuMatches() ? "yes" : "no");
        }
        table.row(cells.toArray(String[]::new));
        first = false;
      }
    }
    table.print(out);
    tasks(rows, out);
    long due = rows.stream().filter(r -> r.rotation().due()).count();
    long expiring = rows.stream().filter(r -> r.expiry().expiring()).count();
    long rotating = rows.stream().filter(r -> r.inFlight() != null).count();
    long tasks = rows.stream().mapToLong(r -> r.retireTasks().size()).sum();
    long overdue =
        rows.stream()
            .flatMap(r -> r.retireTasks().stream())
            .filter(EntryStatus.RetireTaskStatus::overdue)
            .count();
    out.printf(
        "%d entries, %d due, %d expiring, %d mid-rotation, %d to retire at the vendor (%d"
            + " overdue)%n",
        rows.size(), due, expiring, rotating, tasks, overdue);
    out.flush();
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

  private static String lastRotated(RotationStatus r) {
    if (r.lastRotated() == null) {
      return "-";
    }
    String day = Dates.day(r.lastRotated());
    return Schedule.BY_SOURCE.equals(r.lastRotatedBy()) ? day + " (source)" : day;
  }

  private static String nextDue(RotationStatus r) {
    if (r.nextDue() == null) {
      return r.due() ? "now" : "never";
    }
    return Dates.day(r.nextDue()) + (r.due() ? " DUE" : "");
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

  private static List<String> sink(SinkStatus s) {
    if (s == null) {
      return List.of("-", "", "", "");
    }
    String release =
        s.releaseVersion() == null
            ? ""
            : "v" + s.releaseVersion() + (s.confirmedAt() != null ? " confirmed" : "");
    return List.of(
        s.kind() + " " + s.target() + " " + s.var(),
        s.lastSync() == null ? "" : Dates.minute(s.lastSync()),
        release,
        s.drift() == null ? "" : s.drift());
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }
}
