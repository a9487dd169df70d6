package dev.keyturn.secrets;

/**
 * A secret's value at one version. {@link #toString()} never shows the value, so a stray log line
 * or assertion message cannot leak it.
 *
 * @param id the source id as written in the inventory (Secrets Manager name/ARN or SSM path)
 * @param versionId the Secrets Manager version id, or the SSM parameter version
 * @param value the secret value
 */
public record SecretValue(String id, String versionId, String value) {

  @Override
  public String toString() {
    return "SecretValue[id=" + id + ", versionId=" + versionId + ", value=***]";
  }
}
