package dev.keyturn.cli.rotate;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;
import java.util.UUID;

/**
 * Starts a Secrets Manager rotation with a token of our own: RotateSecret labels that new version
 * AWSPENDING (without a value) and invokes the rotation function.
 */
final class RotationStart {

  /**
   * @param token the version being rotated in
   * @param previous the AWSCURRENT version before
   * @param resumed true when an unfinished rotation's token is reused instead
   */
  record Started(String token, String previous, boolean resumed) {}

  private RotationStart() {}

  /** RotateSecret, refusing while an earlier rotation is unfinished (Secrets Manager would too). */
  static Started fresh(
      RotationStarter sm,
      SecretEntry entry,
      SecretDescription d,
      String lambdaArnOption,
      Progress progress) {
    requireNoUnfinished(entry, d);
    String lambdaArn = Rotatable.lambdaArn(entry, d, lambdaArnOption);
    Long enableDays = Rotatable.enableEveryDays(entry, d);
    String token = UUID.randomUUID().toString();
    sm.startRotation(d.arn(), token, lambdaArn, enableDays);
    if (enableDays != null) {
      progress.say(
          "  rotation was off: turned on, every %d days (the entry's cadence)", enableDays);
    }
    progress.say("  RotateSecret: version %s is AWSPENDING", token);
    return new Started(token, d.versionWith(Stages.CURRENT).orElse(null), false);
  }

  /**
   * @throws NotRotatableException while an earlier rotation is unfinished
   */
  static void requireNoUnfinished(SecretEntry entry, SecretDescription d) {
    d.unfinishedVersion()
        .ifPresent(v -> {
          throw new NotRotatableException(
              entry.name(),
              "an earlier rotation (version "
                  + v
                  + ") is unfinished: Secrets Manager retries it with the rotation function (on a"
                  + " secret without one, keyturn rotate "
                  + entry.name()
                  + " --in-process resumes it); see keyturn audit --secret "
                  + entry.name()
                  + " and docs/runbooks/stuck-awspending.md");
        });
  }
}
