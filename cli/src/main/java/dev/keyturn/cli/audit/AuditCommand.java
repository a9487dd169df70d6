package dev.keyturn.cli.audit;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.cli.format.Dates;
import dev.keyturn.cli.format.DurationConverter;
import dev.keyturn.cli.format.Since;
import dev.keyturn.cli.format.Table;
import dev.keyturn.cli.output.OutputOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
      "The newest --limit events since --since, oldest first. With --follow, then every"
          + " new event as it is recorded, until Ctrl-C (or --stop-after)."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn audit",
      "  keyturn audit --since 7d --secret FS_SUPPORT_WEBHOOK",
      "  keyturn audit --since 2026-11-01T09:00:00Z --limit 500 --json | jq '.[].action'",
      "  keyturn audit --follow --secret FS_SUPPORT_WEBHOOK      # watch a rotation happen",
      "  keyturn audit -f --json --stop-after 30m | jq -c 'select(.outcome==\"failed\")'"
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

  /** --output json: the events as a JSON list (with --follow: one JSON object per line). */
  @Mixin OutputOptions output;

  @Option(
      names = {"-f", "--follow"},
      description = "keep printing new events as they are recorded")
  boolean follow;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "with --follow: how often to look for new events (default: ${DEFAULT-VALUE})")
  Duration interval;

  @Option(
      names = "--stop-after",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "with --follow: stop after this long (default: until Ctrl-C)")
  Duration stopAfter;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1");
    }
    if (!follow
        && (stopAfter != null
            || spec.commandLine().getParseResult().hasMatchedOption("--interval"))) {
      throw new UsageException("--interval and --stop-after only go with --follow");
    }
    if (follow && (interval.isNegative() || interval.isZero())) {
      throw new UsageException("--interval must be longer than zero");
    }
    PrintWriter out = spec.commandLine().getOut();
    output.validate();
    try (CliContext context = aws.context()) {
      Clock clock = context.bean(Clock.class);
      AuditLog audit = context.bean(AuditLog.class);
      Instant from = Since.parse(since, clock.instant());
      List<AuditEvent> all = audit.since(from, subject, READ_CAP);
      List<AuditEvent> tail = all.subList(Math.max(0, all.size() - limit), all.size());
      if (follow) {
        follow(audit, clock, from, tail, out);
      } else if (output.structured()) {
        output.print(out, tail);
      } else {
        print(tail, from, all.size(), out);
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  private void follow(
      AuditLog audit, Clock clock, Instant from, List<AuditEvent> tail, PrintWriter out) {
    Consumer<AuditEvent> show =
        event -> {
          if (output.structured()) {
            output.print(out, event);
          } else {
            out.println(line(event));
            out.flush();
          }
        };
    if (!output.structured()) {
      out.printf(
          "following the audit trail%s from %s (Ctrl-C to stop)%n",
          subject == null ? "" : " for " + subject, Dates.second(from));
    }
    tail.forEach(show);
    AuditFollower follower = new AuditFollower(audit, clock, subject, interval, show);
    follower.alreadyShown(from, tail);
    follower.follow(stopAfter);
  }

  /** One event on one line, for --follow (a table cannot grow row by row). */
  private static String line(AuditEvent e) {
    return String.join(
            "  ",
            Dates.second(e.at()),
            e.actor(),
            e.action(),
            e.subject(),
            e.outcome(),
            String.join(",", e.versionIds()),
            detail(e.detail()))
        .strip();
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
