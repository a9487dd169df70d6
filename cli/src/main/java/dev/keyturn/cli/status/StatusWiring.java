package dev.keyturn.cli.status;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.rotate.refusal.UnconfirmedCheck;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.SyncStateStore;
import java.time.Clock;
import java.time.Duration;

/** Builds a {@link StatusReader} from the CLI's beans (status and rotation-matrix share it). */
final class StatusWiring {

  private StatusWiring() {}

  static StatusReader reader(CliContext context) {
    return new StatusReader(
        context.bean(InventoryStore.class),
        context.bean(RotationStore.class),
        context.bean(RetireTaskStore.class),
        context.bean(SyncStateStore.class),
        new SourceStates(context.bean(SecretDescriber.class), context.bean(ParameterStore.class)),
        new WebhookSenders(
            context.bean(SenderSightings.class), context.bean(SenderPushStore.class)),
        context.bean(UnconfirmedCheck.class),
        context.bean(Clock.class),
        confirmDeadline(context));
  }

  /** The rotate function's setting: a rotation not confirmed this long after finishing is stuck. */
  static Duration confirmDeadline(CliContext context) {
    return context
        .property("keyturn.lifecycle.confirm-deadline", Duration.class)
        .orElse(Duration.ofHours(24));
  }
}
