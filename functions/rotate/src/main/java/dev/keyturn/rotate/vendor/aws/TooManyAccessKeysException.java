package dev.keyturn.rotate.vendor.aws;

/**
 * The IAM user already has an active access key besides the one in AWSCURRENT, made by someone
 * else; IAM allows two keys per user, so keyturn cannot issue a new one without deleting a key it
 * does not know. Names the user and the key id (ids are not secret).
 */
public final class TooManyAccessKeysException extends RuntimeException {

  private final String user;

  public TooManyAccessKeysException(String secretName, String user, String otherKeyId) {
    super(
        "IAM user "
            + user
            + " (secret "
            + secretName
            + ") has two active access keys: "
            + otherKeyId
            + " is not the AWSCURRENT key; deactivate or delete it, then rotate again");
    this.user = user;
  }

  public String user() {
    return user;
  }
}
