package dev.keyturn.cli.rotate;

import dev.keyturn.cli.aws.SecretDescription;
import dev.keyturn.cli.aws.SecretsManagerControl;
import java.util.Optional;

/** Whether a rotation ended as the protocol requires: token AWSCURRENT, no AWSPENDING left. */
final class Labels {

  private Labels() {}

  static boolean finished(SecretDescription d, String token) {
    return d.hasStage(token, SecretDescription.CURRENT)
        && d.versionWith(SecretDescription.PENDING).isEmpty();
  }

  static RotationReport confirm(
      SecretsManagerControl sm, String arn, String token, RotationReport.Builder report) {
    Optional<SecretDescription> after = sm.describe(arn);
    if (after.isPresent() && finished(after.get(), token)) {
      return report.done();
    }
    return report.failed(
        "finishSecret", "the steps ran, but version " + token + " is not AWSCURRENT alone");
  }
}
