package dev.keyturn.rotate.protocol;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of finishSecret, after AWSCURRENT moved to the token (by this invocation or an earlier
 * one): no AWSPENDING label left, {@code SecretRotated} published, the step audited, the {@link
 * FinishHook} run (webhook senders get the new value), the rotation recorded as completed. Every
 * part may run again on a retry. Nothing old is stopped here: a vendor-issued old credential keeps
 * working until the rotation life cycle has read the rotation {@code confirmed} (every consumer
 * uses the new one) and the grace passed, and retires it then ({@code OldVersions}).
 */
final class RotationCompletion {

  private final SecretStages secrets;
  private final EventPublisher events;
  private final RotationJournal journal;
  private final FinishHook finishHook;

  RotationCompletion(
      SecretStages secrets, EventPublisher events, RotationJournal journal, FinishHook finishHook) {
    this.finishHook = finishHook;
    this.secrets = secrets;
    this.events = events;
    this.journal = journal;
  }

  /**
   * @param pendingOnToken whether the AWSPENDING label is still on the token
   * @param previous the version AWSCURRENT came from, or null
   */
  void complete(StepContext c, boolean pendingOnToken, String previous) {
    if (pendingOnToken) {
      secrets.removeStage(c.secretId(), Stages.PENDING, c.token());
    }
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put(RotationService.DETAIL_SECRET_NAME, c.name());
    detail.put(RotationService.DETAIL_SECRET_ARN, c.metadata().arn());
    detail.put(RotationService.DETAIL_VERSION_ID, c.token());
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    // after the event, before the old credential stops: see FinishHook
    finishHook.afterFinish(new FinishHook.FinishedVersion(c.name(), c.secretId(), c.token()));
    if (previous == null) {
      journal.stepDone(c, RotationService.FINISHED);
    } else {
      journal.stepDone(c, RotationService.FINISHED, previous);
    }
    journal.completed(c);
  }
}
