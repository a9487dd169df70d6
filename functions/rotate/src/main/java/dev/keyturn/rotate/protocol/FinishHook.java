package dev.keyturn.rotate.protocol;

/**
 * Work that belongs to finishSecret once the token is AWSCURRENT and {@code SecretRotated} is
 * published, before the rotation is recorded as completed and before anything old is retired (the
 * webhook sender handover: senders must sign with the new value before the old one may die).
 *
 * <p>A retried finishSecret (Secrets Manager's or Lambda's) runs it again, so it must be
 * idempotent. When it throws, the step fails and the rotation stays unfinished, so the retry runs
 * it again.
 */
public interface FinishHook {

  /** Nothing to do after finishSecret. */
  FinishHook NONE = finished -> {};

  void afterFinish(FinishedVersion finished);

  /**
   * The version finishSecret made current.
   *
   * @param secretName the inventory entry's name
   * @param secretId the Secrets Manager id the rotation event named
   * @param versionId the new AWSCURRENT version (the rotation's token)
   */
  record FinishedVersion(String secretName, String secretId, String versionId) {}
}
