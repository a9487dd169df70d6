package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.format.Dates;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.refusal.ForceRotation;
import dev.keyturn.state.RotationOverride;
import java.time.Duration;

/**
 * {@code --force}: before the rotation starts, the one-shot override of the sender refusal is left
 * in the table ({@link ForceRotation}); the rotation function (or the steps run here) takes it.
 */
final class ForcedRotation {

  /** Longer than the rotation can take to reach createSecret; short enough to lapse unused. */
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final CliContext context;
  private final Progress progress;

  ForcedRotation(CliContext context, Progress progress) {
    this.context = context;
    this.progress = progress;
  }

  /**
   * @param timeout how long the command follows the rotation: the override lapses a minute after
   * @throws dev.keyturn.rotate.refusal.NothingToForceException when no refusal could apply
   */
  void grant(SecretEntry entry, boolean dryRun, Duration timeout) {
    ForceRotation force = context.bean(ForceRotation.class);
    if (dryRun) {
      progress.say(
          "  --force: would override a refusal for %s once",
          String.join(", ", force.overridable(entry)));
      return;
    }
    RotationOverride granted = force.grant(entry, timeout.plus(MARGIN));
    progress.say(
        "  --force: the next rotation may go past a refusal, once (granted to %s, lapses %s)",
        granted.actor(), Dates.time(granted.notAfter()));
  }
}
