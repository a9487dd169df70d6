package dev.keyturn.rotate.protocol;

import dev.keyturn.inventory.SecretEntry;
import java.util.List;

/**
 * A guard that may refuse a rotation before anything is written: run first in createSecret (after
 * the template's guards) and by the SSM rotation before its PutParameter. It throws to refuse.
 */
@FunctionalInterface
public interface RotationPrecheck {

  /** Refuses nothing. */
  RotationPrecheck NONE = (entry, rotation) -> {};

  /**
   * Runs {@code checks} in order; the first refusal stops the rotation. A one-shot override ({@code
   * --force}) taken by one is taken again by the next for the same rotation (the take is idempotent
   * per rotation id), so one {@code --force} passes every check.
   */
  static RotationPrecheck all(List<RotationPrecheck> checks) {
    List<RotationPrecheck> copy = List.copyOf(checks);
    return (entry, rotation) -> copy.forEach(c -> c.check(entry, rotation));
  }

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
