package dev.keyturn.secrets;

/**
 * One version of a parameter with its decrypted value; {@link #toString()} hides the value.
 *
 * @param name the parameter's path
 * @param arn the parameter's ARN
 * @param version the version read
 * @param value the decrypted value
 */
public record ParameterValue(String name, String arn, long version, String value) {

  @Override
  public String toString() {
    return "ParameterValue[name=" + name + ", arn=" + arn + ", version=" + version + ", value=***]";
  }
}
