package dev.keyturn.cli.status;

import dev.keyturn.cli.aws.SecretsManagerControl;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.rotate.sweep.ParameterStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SyncStateStore;
import java.time.Clock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds a {@link StatusReader} from the CLI's beans (status and rotation-matrix share it). */
final class StatusWiring {

  private StatusWiring() {}

  static StatusReader reader(CliContext context) {
    return new StatusReader(
        context.bean(RotationStore.class),
        context.bean(SyncStateStore.class),
        new SourceStates(
            new SecretsManagerControl(context.bean(SecretsManagerClient.class)),
            context.bean(ParameterStore.class)),
        context.bean(Clock.class));
  }
}
