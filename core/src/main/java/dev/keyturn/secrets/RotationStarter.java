package dev.keyturn.secrets;

/** Starts a Secrets Manager rotation (RotateSecret) and reads the secret's labels to follow it. */
public interface RotationStarter extends SecretDescriber {

  /**
   * RotateSecret with our own ClientRequestToken: Secrets Manager labels that version AWSPENDING
   * (without a value) and invokes the rotation function. The token makes a repeated call the same
   * request.
   *
   * @param lambdaArn passed explicitly even when configured (an emulator forgets it otherwise)
   * @param enableEveryDays when rotation is off, the schedule to turn it on with; else null
   */
  void startRotation(String secretId, String token, String lambdaArn, Long enableEveryDays);
}
