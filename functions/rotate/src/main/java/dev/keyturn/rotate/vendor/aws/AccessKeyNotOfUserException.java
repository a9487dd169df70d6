package dev.keyturn.rotate.vendor.aws;

/**
 * The AWSCURRENT access key is not one of the configured IAM user's keys: the secret and the
 * inventory's {@code user} disagree, and rotating would hand consumers another user's key.
 */
public final class AccessKeyNotOfUserException extends RuntimeException {

  public AccessKeyNotOfUserException(String secretName, String user, String keyId) {
    super(
        "the AWSCURRENT access key "
            + keyId
            + " of secret "
            + secretName
            + " is not a key of IAM user "
            + user);
  }
}
