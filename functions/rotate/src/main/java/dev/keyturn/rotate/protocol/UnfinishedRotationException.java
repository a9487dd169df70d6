package dev.keyturn.rotate.protocol;

/** A new rotation was asked for while an earlier one is unfinished (AWSPENDING on a version). */
public final class UnfinishedRotationException extends RotationException {

  public UnfinishedRotationException(String name, String pendingVersion) {
    super(
        name,
        "cannot rotate "
            + name
            + ": an earlier rotation (version "
            + pendingVersion
            + ") is unfinished; keyturn rotate "
            + name
            + " --in-process resumes it (or see docs/runbooks/stuck-awspending.md)");
  }
}
