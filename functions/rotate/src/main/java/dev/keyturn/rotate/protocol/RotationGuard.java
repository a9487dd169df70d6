package dev.keyturn.rotate.protocol;

import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;

/** The guards of AWS's rotation template, run before every step. */
final class RotationGuard {

  /** What the guards allow. */
  enum Verdict {
    /** The token is the AWSPENDING version: run the step. */
    PROCEED,
    /** The token is already AWSCURRENT: the rotation is over, the step is a successful no-op. */
    ALREADY_CURRENT
  }

  private RotationGuard() {}

  /**
   * @throws RotationNotEnabledException when rotation is off for the secret
   * @throws TokenNotAVersionException when the token is not a version of the secret
   * @throws TokenNotPendingException when the token is neither AWSCURRENT nor AWSPENDING
   */
  static Verdict check(SecretDescription metadata, String secretId, String token) {
    if (!metadata.rotationEnabled()) {
      throw new RotationNotEnabledException(secretId);
    }
    if (!metadata.hasVersion(token)) {
      throw new TokenNotAVersionException(secretId, token);
    }
    if (metadata.hasStage(token, Stages.CURRENT)) {
      return Verdict.ALREADY_CURRENT;
    }
    if (!metadata.hasStage(token, Stages.PENDING)) {
      throw new TokenNotPendingException(secretId, token);
    }
    return Verdict.PROCEED;
  }

  /**
   * The guards when keyturn drives the steps itself, without RotateSecret ({@link
   * RotationService#handleDriven}): no rotation function is invoked, so rotation need not be
   * enabled, and the token's version may not exist yet (the step that stores the new value creates
   * it, labelled AWSPENDING).
   *
   * @throws TokenNotPendingException when the token is a version that is neither AWSCURRENT nor
   *     AWSPENDING
   */
  static Verdict checkDriven(SecretDescription metadata, String secretId, String token) {
    if (!metadata.hasVersion(token)) {
      return Verdict.PROCEED;
    }
    if (metadata.hasStage(token, Stages.CURRENT)) {
      return Verdict.ALREADY_CURRENT;
    }
    if (!metadata.hasStage(token, Stages.PENDING)) {
      throw new TokenNotPendingException(secretId, token);
    }
    return Verdict.PROCEED;
  }
}
