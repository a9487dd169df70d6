package dev.keyturn.cli.status;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.cli.status.EntryStatus.WebhookSourceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code status} prints webhook senders (issue 11): per source the version its sender last
 * signed with and when (and the version pushed, for a sender with an API), then the entries whose
 * next automatic rotation is refused, and why. Kept apart from {@link StatusTable}.
 */
final class WebhookText {

  private WebhookText() {}

  static void print(List<EntryStatus> rows, PrintWriter out) {
    if (rows.stream().anyMatch(r -> !r.webhooks().isEmpty())) {
      out.println("Webhook senders (BEHIND: not on the current version):");
      for (EntryStatus r : rows) {
        for (WebhookSourceStatus w : r.webhooks()) {
          lines(r.name(), w).forEach(out::println);
        }
      }
    }
    List<EntryStatus> refused = rows.stream().filter(r -> r.refusal() != null).toList();
    if (!refused.isEmpty()) {
      out.println("Next rotation refused (keyturn rotate NAME --force overrides once):");
      for (EntryStatus r : refused) {
        out.println("  " + r.name() + ": " + r.refusal());
      }
    }
  }

  /**
   * {@code FS_SUPPORT_WEBHOOK <- fs-support (freescout)}, then {@code signed with V at T BEHIND}
   * and, for a sender with an API, {@code pushed V at T}: a version id is 36 characters, so each
   * gets a line of its own within 120 columns.
   */
  static List<String> lines(String entry, WebhookSourceStatus w) {
    List<String> out = new ArrayList<>();
    out.add(
        "  "
            + entry
            + " <- "
            + w.source()
            + " ("
            + w.scheme()
            + (w.sender() == null ? ", no sender API" : ", " + w.sender())
            + ")");
    String behind = w.onCurrent() ? "" : " BEHIND";
    if (w.sender() != null) {
      out.add(
          "      "
              + (w.pushedVersion() == null
                  ? "never pushed"
                  : "pushed " + w.pushedVersion() + " at " + Dates.minute(w.pushedAt()))
              + behind);
    }
    out.add(
        "      "
            + (w.lastSignedWith() == null
                ? "never seen signing"
                : "signed with " + w.lastSignedWith() + " at " + Dates.minute(w.lastSignedAt()))
            + (w.sender() == null ? behind : ""));
    return out;
  }

  /** The summary line's part: {@code , 1 rotation refused}, or empty. */
  static String refusedSummary(List<EntryStatus> rows) {
    long n = rows.stream().filter(r -> r.refusal() != null).count();
    return n == 0 ? "" : ", " + n + " rotation" + (n == 1 ? "" : "s") + " refused";
  }
}
