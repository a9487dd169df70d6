package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;

/**
 * A guard that may refuse a rotation before anything is written: run first in createSecret (after
 * the template's guards) and by the SSM rotation before its PutParameter. It throws to refuse.
 */
@FunctionalInterface
public interface RotationPrecheck {

  /** Refuses nothing. */
  RotationPrecheck NONE = (entry, rotation) -> {};

  /**
   * @throws RotationRefusedException when the rotation must not go ahead
   */
  void check(SecretEntry entry, Rotation rotation);

  /**
   * The rotation about to start.
   *
   * @param id the rotation's own id: the token (Secrets Manager), {@code ssm:<next version>} (SSM)
   * @param currentVersion the version current now, the one being rotated out
   * @param hasOlderVersion whether a version before the current one is still labelled (AWSPREVIOUS,
   *     SSM {@code previous}): a sender may still sign with it
   */
  record Rotation(String id, String currentVersion, boolean hasOlderVersion) {}
}
