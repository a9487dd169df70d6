package dev.keyturn.state;

import java.time.Instant;
import java.util.List;

/**
 * An operator evicted a secret version before its time. Names and ids only.
 *
 * @param secretName the inventory entry holding the secret
 * @param versionId the version revoked
 * @param removedStages the stage labels taken off it (empty when it had none left)
 * @param actor who revoked it
 * @param revokedAt when
 */
public record Revocation(
    String secretName,
    String versionId,
    List<String> removedStages,
    String actor,
    Instant revokedAt) {

  public Revocation {
    removedStages = List.copyOf(removedStages);
  }
}
