package dev.keyturn.cli.rotate;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/** Says what {@code keyturn rotate} would do, after the same checks, without changing anything. */
final class RotationDryRun {

  static final String HEROKU_AUTHORIZATION = "heroku-authorization";

  private final Progress out;

  RotationDryRun(Progress out) {
    this.out = out;
  }

  RotationReport secretsManager(
      SecretEntry entry, SecretDescription d, String lambdaArnOption, boolean inProcess) {
    if (!inProcess) {
      RotationStart.requireNoUnfinished(entry, d);
    }
    String lambda = Rotatable.lambdaArn(entry, d, lambdaArnOption);
    Long enableDays = Rotatable.enableEveryDays(entry, d);
    generator(entry);
    out.say(
        "  source:    Secrets Manager %s (AWSCURRENT %s)",
        d.arn(), d.versionWith(Stages.CURRENT).orElse("none"));
    d.unfinishedVersion()
        .ifPresent(v ->
            out.say(
                "  note:      version %s is still AWSPENDING from an earlier rotation: resumed",
                v));
    if (enableDays != null) {
      out.say("  schedule:  rotation is off: RotateSecret turns it on, every %d days", enableDays);
    }
    out.say("  would:     RotateSecret with a new version id, rotation function %s", lambda);
    out.say(
        "  steps:     createSecret, setSecret, testSecret, finishSecret, run %s",
        inProcess ? "here (--in-process)" : "by the rotation function");
    sinks(entry);
    return dryRunReport(entry);
  }

  RotationReport parameter(SecretEntry entry, ParameterInfo info, Optional<Instant> lastRotated) {
    generator(entry);
    out.say("  source:    SSM SecureString %s (version %d)", info.name(), info.version());
    Instant last = lastRotated.orElse(info.lastModified());
    Rotatable.cadence(entry)
        .ifPresent(c -> {
          Instant due = last == null ? null : last.plus(c);
          out.say(
              "  schedule:  every %d days; last %s; next due %s (rotates now regardless)",
              c.toDays(), orDash(Dates.minute(last)), orDash(Dates.minute(due)));
        });
    out.say(
        "  would:     PutParameter version %d, label it current and v%d previous",
        info.version() + 1, info.version());
    sinks(entry);
    return dryRunReport(entry);
  }

  private void generator(SecretEntry entry) {
    GeneratorSpec g = entry.generator();
    String options = g.options().isEmpty() ? "" : " " + new TreeMap<>(g.options());
    out.say("  generator: %s%s", g.type(), options);
    if (HEROKU_AUTHORIZATION.equals(g.type())) {
      out.say("  vendor:    Heroku issues the new token in setSecret; the old one stops working");
    }
  }

  private void sinks(SecretEntry entry) {
    out.say("  then:      SecretRotated event, audit, rotation record");
    if (entry.sinks().isEmpty()) {
      out.say("  sinks:     none (nothing to sync)");
    }
    for (Sink s : entry.sinks()) {
      switch (s) {
        case Sink.Heroku h ->
            out.say(
                "  sink:      heroku %s %s (the sync function, on SecretRotated)",
                h.app(), h.var());
        case Sink.Dotenv e ->
            out.say("  sink:      dotenv %s %s (keyturn sync --dotenv)", e.file(), e.var());
        default ->
            out.say(
                "  sink:      %s %s %s (the sync function, on SecretRotated)",
                s.kind(), s.targetName(), s.var());
      }
    }
    out.say("dry run: nothing changed");
  }

  private static RotationReport dryRunReport(SecretEntry entry) {
    return new RotationReport.Builder(entry.name(), entry.source().id(), "dry-run").done();
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
