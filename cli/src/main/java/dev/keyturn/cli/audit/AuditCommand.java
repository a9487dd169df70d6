package dev.keyturn.cli.audit;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.AwsOptions;
import dev.keyturn.cli.CliContext;
import dev.keyturn.cli.Main;
import dev.keyturn.cli.format.Dates;
import dev.keyturn.cli.format.Since;
import dev.keyturn.cli.format.Table;
import dev.keyturn.json.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyturn audit}: the newest audit events, oldest first. */
@Command(
    name = "audit",
    header = "Show the tail of the audit trail.",
    mixinStandardHelpOptions = true,
    description = {
      "Show the tail of the audit trail: who did what to which secret, app or webhook source,"
          + " with the outcome, version ids and details (names and ids only; the trail never"
          + " holds a value).",
      "The newest --limit events since --since, oldest first."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn audit",
      "  keyturn audit --since 7d --secret FS_SUPPORT_WEBHOOK",
      "  keyturn audit --since 2026-11-01T09:00:00Z --limit 500 --json | jq '.[].action'"
    })
public final class AuditCommand implements Callable<Integer> {

  /** How many events are read at most to find the newest ones. */
  static final int READ_CAP = 10_000;

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      defaultValue = "24h",
      description = "an age (30m, 24h, 7d), a date or an instant (default: ${DEFAULT-VALUE})")
  String since;

  @Option(
      names = "--secret",
      paramLabel = "SUBJECT",
      description = "only events about this secret (or app, or webhook source)")
  String subject;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "show the newest N events (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "print the events as JSON")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new dev.keyturn.cli.UsageException("--limit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (CliContext context = aws.context()) {
      Instant from = Since.parse(since, context.bean(Clock.class).instant());
      List<AuditEvent> all = context.bean(AuditLog.class).since(from, subject, READ_CAP);
      List<AuditEvent> tail = all.subList(Math.max(0, all.size() - limit), all.size());
      if (json) {
        out.println(Json.write(tail));
      } else {
        print(tail, from, all.size(), out);
      }
      out.flush();
      return Main.OK;
    }
  }

  private void print(List<AuditEvent> events, Instant from, int found, PrintWriter out) {
    if (events.isEmpty()) {
      out.printf(
          "no audit events since %s%s%n",
          Dates.second(from), subject == null ? "" : " for " + subject);
      return;
    }
    Table table = new Table("AT", "ACTOR", "ACTION", "SUBJECT", "OUTCOME", "VERSIONS", "DETAIL");
    for (AuditEvent e : events) {
      table.row(
          Dates.second(e.at()),
          e.actor(),
          e.action(),
          e.subject(),
          e.outcome(),
          String.join(",", e.versionIds()),
          detail(e.detail()));
    }
    table.print(out);
    out.printf(
        "%d of %d event%s since %s%s%n",
        events.size(),
        found,
        found == 1 ? "" : "s",
        Dates.second(from),
        found >= READ_CAP ? " (read cap reached: narrow --since)" : "");
  }

  private static String detail(Map<String, String> detail) {
    return new TreeMap<>(detail)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }
}
