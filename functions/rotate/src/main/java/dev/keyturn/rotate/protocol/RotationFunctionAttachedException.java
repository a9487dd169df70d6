package dev.keyturn.rotate.protocol;

/**
 * keyturn will not run a rotation's steps itself on a secret that has a rotation Lambda: Secrets
 * Manager invokes that function too (on RotateSecret, on its schedule, on its retries), and two
 * runs of the steps at once can store a credential the other one has already revoked.
 */
public final class RotationFunctionAttachedException extends RotationException {

  public RotationFunctionAttachedException(String name, String secretId, String lambdaArn) {
    super(
        name,
        "cannot rotate "
            + name
            + " in this process: secret "
            + secretId
            + " has the rotation Lambda "
            + lambdaArn
            + ", which Secrets Manager runs the steps in; both would run them at once. Rotate it"
            + " with keyturn rotate "
            + name
            + " (without --in-process), which starts and follows that function");
  }
}
