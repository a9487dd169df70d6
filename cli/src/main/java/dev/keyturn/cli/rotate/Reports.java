package dev.keyturn.cli.rotate;

import dev.keyturn.rotate.protocol.DrivenRotation;

/** Turns the rotate module's results into the CLI's report. */
final class Reports {

  private Reports() {}

  static RotationReport of(RotationReport.Builder report, DrivenRotation.Result r) {
    report.version(r.token(), r.previous());
    for (DrivenRotation.StepDone s : r.steps()) {
      report.step(s.step(), s.outcome(), s.at());
    }
    if (!r.succeeded()) {
      return report.leftover(r.undone(), r.leftover()).failed(r.failedStep(), r.error());
    }
    return report.done();
  }
}
