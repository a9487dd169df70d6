package dev.keyturn.rotate.sender;

/**
 * What the handover did for one webhook source.
 *
 * @param source the webhook source
 * @param target the sender's target, or null when the source has no sender binding
 * @param versionId the secret version the handover was about
 * @param outcome what happened
 */
public record HandoverResult(String source, String target, String versionId, Outcome outcome) {

  public enum Outcome {
    /** The sender now signs with the version; the push is recorded. */
    PUSHED,
    /** A push of this version was already recorded: nothing was sent again. */
    ALREADY_PUSHED,
    /**
     * The version is no longer AWSCURRENT (a newer rotation finished): an old value is never
     * pushed.
     */
    SUPERSEDED,
    /** The source's sender has no API keyturn reaches: nothing to push. */
    NO_SENDER
  }
}
