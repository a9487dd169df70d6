package dev.keyturn.cli.rotate;

import dev.keyturn.secrets.SecretDescriber;

/** Whether a rotation ended as the protocol requires: token AWSCURRENT, no AWSPENDING left. */
final class Labels {

  private Labels() {}

  static RotationReport confirm(
      SecretDescriber sm, String arn, String token, RotationReport.Builder report) {
    if (sm.describe(arn).filter(d -> d.finishedRotation(token)).isPresent()) {
      return report.done();
    }
    return report.failed(
        "finishSecret", "the steps ran, but version " + token + " is not AWSCURRENT alone");
  }
}
