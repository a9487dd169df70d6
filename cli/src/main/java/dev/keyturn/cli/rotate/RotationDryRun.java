package dev.keyturn.cli.rotate;

import dev.keyturn.cli.format.Dates;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.VendorDirectory;
import dev.keyturn.rotate.protocol.RotationFunctionAttachedException;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/** Says what {@code keyturn rotate} would do, after the same checks, without changing anything. */
final class RotationDryRun {

  static final String HEROKU_AUTHORIZATION = "heroku-authorization";
  static final String AWS_IAM_ACCESS_KEY = "aws-iam-access-key";

  private final Progress out;

  RotationDryRun(Progress out) {
    this.out = out;
  }

  RotationReport secretsManager(
      SecretEntry entry, SecretDescription d, String lambdaArnOption, boolean inProcess) {
    if (inProcess && d.rotationLambdaArn() != null) {
      throw new RotationFunctionAttachedException(entry.name(), d.name(), d.rotationLambdaArn());
    }
    String lambda = null;
    Long enableDays = null;
    if (!inProcess) {
      RotationStart.requireNoUnfinished(entry, d);
      lambda = Rotatable.lambdaArn(entry, d, lambdaArnOption);
      enableDays = Rotatable.enableEveryDays(entry, d);
    }
    generator(entry);
    source(d);
    if (enableDays != null) {
      out.say("  schedule:  rotation is off: RotateSecret turns it on, every %d days", enableDays);
    }
    if (inProcess) {
      out.say("  would:     run createSecret, setSecret, testSecret, finishSecret here");
      out.say("             (no RotateSecret: no rotation function runs them too)");
    } else {
      out.say("  would:     RotateSecret with a new version id, rotation function %s", lambda);
      out.say("  steps:     createSecret, setSecret, testSecret, finishSecret, run by it");
    }
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

  /** An operator-assisted rotation: where the value comes from, then what keyturn does with it. */
  RotationReport supplied(SecretEntry entry, SecretDescription d, ParameterInfo info) {
    VendorDirectory.Listing vendor = VendorDirectory.of(entry);
    out.say("  mode:      operator: a person supplies the new %s credential", vendor.vendor());
    if (d != null) {
      source(d);
      out.say("  would:     PutSecretValue of a new version labelled AWSPENDING, then run");
      out.say("             createSecret, setSecret, testSecret, finishSecret here");
    } else {
      out.say("  source:    SSM SecureString %s (version %d)", info.name(), info.version());
      out.say(
          "  would:     PutParameter version %d, label it current and v%d previous",
          info.version() + 1, info.version());
    }
    out.say(
        "  retire:    record: revoke the old %s key at %s", vendor.vendor(), vendor.dashboard());
    sinks(entry);
    return dryRunReport(entry);
  }

  private void source(SecretDescription d) {
    out.say(
        "  source:    Secrets Manager %s (AWSCURRENT %s)",
        d.arn(), d.versionWith(Stages.CURRENT).orElse("none"));
    d.unfinishedVersion()
        .ifPresent(v ->
            out.say(
                "  note:      version %s is still AWSPENDING from an earlier rotation: resumed",
                v));
  }

  private void generator(SecretEntry entry) {
    GeneratorSpec g = entry.generator();
    String options = g.options().isEmpty() ? "" : " " + new TreeMap<>(g.options());
    out.say("  generator: %s%s (mode %s)", g.type(), options, entry.mode().label());
    if (HEROKU_AUTHORIZATION.equals(g.type())) {
      out.say(
          "  vendor:    Heroku issues a new authorization in createSecret; the old one is deleted"
              + " in finishSecret");
    } else if (AWS_IAM_ACCESS_KEY.equals(g.type())) {
      out.say(
          "  vendor:    IAM issues a second access key in createSecret; the old one turns Inactive"
              + " in finishSecret and is deleted by the next rotation");
    } else if (entry.mode() == RotationMode.VENDOR) {
      out.say(
          "  vendor:    %s issues the new credential in createSecret; the old one is retired"
              + " after finishSecret",
          VendorDirectory.of(entry).vendor());
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
    return new RotationReport.Builder(
            entry.name(), entry.source().id(), "dry-run", entry.mode().label())
        .done();
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
