package dev.keyturn.rotate.protocol;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of finishSecret, after AWSCURRENT moved to the token (by this invocation or an earlier
 * one): no AWSPENDING label left, {@code SecretRotated} published, the step audited, a
 * vendor-issued old credential stopped, the rotation recorded as completed. Every part may run
 * again on a retry; the event first, so consumers hear of the new credential before the old one
 * stops.
 */
final class RotationCompletion {

  private final SecretStages secrets;
  private final EventPublisher events;
  private final RotationJournal journal;
  private final CredentialRetirement retirement;

  RotationCompletion(
      SecretStages secrets,
      EventPublisher events,
      RotationJournal journal,
      CredentialRetirement retirement) {
    this.secrets = secrets;
    this.events = events;
    this.journal = journal;
    this.retirement = retirement;
  }

  /**
   * @param pendingOnToken whether the AWSPENDING label is still on the token
   * @param previous the version AWSCURRENT came from, or null
   * @param oldValue the previous version's vendor-issued credential to stop, or null
   */
  void complete(StepContext c, boolean pendingOnToken, String previous, String oldValue) {
    if (pendingOnToken) {
      secrets.removeStage(c.secretId(), Stages.PENDING, c.token());
    }
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put(RotationService.DETAIL_SECRET_NAME, c.name());
    detail.put(RotationService.DETAIL_SECRET_ARN, c.metadata().arn());
    detail.put(RotationService.DETAIL_VERSION_ID, c.token());
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    if (previous == null) {
      journal.stepDone(c, RotationService.FINISHED);
    } else {
      journal.stepDone(c, RotationService.FINISHED, previous);
    }
    if (oldValue != null) {
      String newValue =
          secrets
              .value(c.secretId(), c.token(), Stages.CURRENT)
              .orElseThrow(() -> new CurrentVersionMissingException(c.name()));
      retirement.deactivate(c.entry(), previous, oldValue, newValue);
    }
    journal.completed(c);
  }
}
