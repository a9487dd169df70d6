package dev.keyturn.sync.digest;

/** The digest key secret is not set, missing or too short. Names the secret, never its value. */
public class DigestKeyUnavailableException extends RuntimeException {

  public DigestKeyUnavailableException(String secretId, String why) {
    super("digest key secret " + secretId + " is not usable: " + why);
  }
}
