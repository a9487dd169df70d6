package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.create.FirstValue;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --create}: the rotate module's {@link FirstValue} makes the missing secret or parameter
 * with its first value (the entry's generator, or the value a person supplied) and the entry's
 * tags; this class prints what it did.
 */
final class FirstValueStep {

  private final CliContext context;
  private final Progress progress;

  FirstValueStep(CliContext context, Progress progress) {
    this.context = context;
    this.progress = progress;
  }

  /**
   * @param suppliedValue the first value from a person (read only when not a dry run), or null to
   *     generate it
   */
  RotationReport create(SecretEntry entry, Supplier<String> suppliedValue, boolean dryRun) {
    FirstValue first = context.bean(FirstValue.class);
    String mode = dryRun ? "dry-run" : "create";
    var report =
        new RotationReport.Builder(entry.name(), entry.source().id(), mode, entry.mode().label());
    progress.say(
        "create %s (mode %s)%s", entry.name(), entry.mode().label(), dryRun ? ", dry run" : "");
    // refused before a person types a value for nothing
    Map<String, String> tags = first.check(entry, suppliedValue != null);
    if (dryRun) {
      progress.say(
          "  would:     create %s with its first value from %s",
          entry.source().id(),
          suppliedValue != null ? "stdin" : "generator " + entry.generator().type());
      progress.say("  tags:      %s", tags);
      progress.say("dry run: nothing changed");
      return report.done();
    }
    FirstValue.Created created =
        first.create(entry, suppliedValue == null ? null : suppliedValue.get());
    progress.step(
        "create", created.source() + " version " + created.version() + " from " + created.from());
    progress.step("tags", created.tags().toString());
    progress.step("publish", "SecretRotated; audit; rotation recorded");
    return report.version(created.version(), null).step("create", created.from(), null).done();
  }
}
