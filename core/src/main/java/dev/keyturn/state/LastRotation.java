package dev.keyturn.state;

/**
 * A secret's last completed rotation ({@link RotationStore#latest}).
 *
 * @param versionId the version it made current: the Secrets Manager version id (the token), or the
 *     SSM parameter version
 * @param run its {@code ROTATION#<token>} record
 */
public record LastRotation(String versionId, RotationRecord run) {

  public String secretName() {
    return run.secretName();
  }

  public String token() {
    return run.token();
  }
}
