package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.AwsOptions;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.cli.output.OutputOptions;
import dev.keyturn.rotate.operator.RetireTasks;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RetireTask;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyturn retired NAME}: the old credential is revoked at the vendor; close the task. */
@Command(
    name = "retired",
    header = "Report the old credential revoked at the vendor (closes the retire task).",
    mixinStandardHelpOptions = true,
    description = {
      "After an operator-assisted rotation, keyturn status shows a task: revoke the old"
          + " credential at the vendor's dashboard by a date (the sweep alarms after it). Run this"
          + " once you have revoked it: it closes every open task of the entry and audits who"
          + " closed it (retire.task closed). Exit 1 when the entry has no open task."
    },
    footer = {
      "",
      "Examples:",
      "  keyturn retired ALP_LIVE_TRADING",
      "  keyturn retired ALP_LIVE_TRADING --output json"
    })
public final class RetiredCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;

  @Parameters(paramLabel = "NAME", description = "the inventory entry whose old key is revoked")
  String name;

  @Mixin OutputOptions output;

  /** One closed task as JSON: names, versions and dates, never a value. */
  private static Map<String, Object> toMap(RetireTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.secretName());
    m.put("vendor", t.vendor());
    m.put("dashboard", t.dashboard());
    m.put("oldVersion", t.oldVersion());
    m.put("newVersion", t.newVersion());
    m.put("dueBy", t.dueBy().toString());
    m.put("closedAt", t.closedAt() == null ? null : t.closedAt().toString());
    m.put("closedBy", t.closedBy());
    return m;
  }

  @Override
  public Integer call() {
    output.validate();
    PrintWriter out = spec.commandLine().getOut();
    try (CliContext context = aws.context()) {
      Entries.require(context.bean(InventoryStore.class), name);
      List<RetireTask> closed = context.bean(RetireTasks.class).close(name, context.actor());
      if (closed.isEmpty()) {
        spec.commandLine().getErr().printf("keyturn: %s has no open retire task%n", name);
        spec.commandLine().getErr().flush();
        return ExitCode.FINDINGS;
      }
      if (output.structured()) {
        output.print(out, closed.stream().map(RetiredCommand::toMap).toList());
        return ExitCode.OK;
      }
      for (RetireTask t : closed) {
        out.printf(
            "closed: %s: %s (version %s replaced %s)%n",
            name, t.describe(), t.newVersion(), t.oldVersion());
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
