package dev.keyturn.cli.rotate;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.rotate.operator.NotOperatorAssistedException;
import dev.keyturn.rotate.operator.OperatorRotation;
import dev.keyturn.rotate.protocol.DrivenRotation;
import dev.keyturn.rotate.sweep.ParameterRotation;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.state.RotationStore;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rotates one entry through its mode: generated and vendor entries by the rotation function
 * (followed), here ({@code --in-process}) or, for SSM, the sweep's operation; operator entries with
 * the value a person supplied. {@code keyturn rotate NAME} and {@code --all} share it.
 */
final class EntryRotation {

  /** How to run a Secrets Manager rotation (the command's options). */
  record Options(
      boolean dryRun,
      boolean inProcess,
      String rotationLambdaArn,
      Duration timeout,
      Duration pollInterval) {}

  private final CliContext context;
  private final Progress progress;
  private final Options options;

  EntryRotation(CliContext context, Progress progress, Options options) {
    this.context = context;
    this.progress = progress;
    this.options = options;
  }

  /**
   * @param suppliedValue where the new value from a person comes from (read only when the rotation
   *     really runs, never in a dry run), or null for generated and vendor entries
   * @throws NotRotatableException when the entry cannot rotate as asked
   */
  RotationReport rotate(SecretEntry entry, Supplier<String> suppliedValue) {
    if (suppliedValue == null) {
      Rotatable.requireAutomatic(entry);
    } else if (entry.mode() != RotationMode.OPERATOR) {
      throw new NotOperatorAssistedException(entry.name(), entry.mode());
    }
    return switch (entry.source()) {
      case Source.SecretsManager sm -> secretsManager(entry, suppliedValue);
      case Source.SsmParameter p -> parameter(entry, suppliedValue);
    };
  }

  private RotationReport secretsManager(SecretEntry entry, Supplier<String> suppliedValue) {
    RotationStarter sm = context.bean(RotationStarter.class);
    SecretDescription d =
        sm.describe(entry.source().id())
            .orElseThrow(() ->
                new NotRotatableException(
                    entry.name(),
                    "secret "
                        + entry.source().id()
                        + " does not exist (keyturn rotate "
                        + entry.name()
                        + " --create makes it)"));
    if (suppliedValue != null) {
      return options.dryRun()
          ? new RotationDryRun(progress).supplied(entry, d, null)
          : operator().run(entry, suppliedValue.get());
    }
    if (options.dryRun()) {
      return new RotationDryRun(progress)
          .secretsManager(entry, d, options.rotationLambdaArn(), options.inProcess());
    }
    if (options.inProcess()) {
      return new InProcessRotation(context.bean(DrivenRotation.class), progress).run(entry, d);
    }
    return new FollowedRotation(
            sm,
            context.bean(RotationStore.class),
            progress,
            options.timeout(),
            options.pollInterval())
        .run(entry, d, options.rotationLambdaArn());
  }

  private RotationReport parameter(SecretEntry entry, Supplier<String> suppliedValue) {
    SsmEntryRotation rotation =
        new SsmEntryRotation(context.bean(ParameterRotation.class), progress);
    if (options.dryRun()) {
      ParameterInfo info = rotation.requireRotatable(entry, suppliedValue != null);
      return suppliedValue != null
          ? new RotationDryRun(progress).supplied(entry, null, info)
          : new RotationDryRun(progress)
              .parameter(entry, info, context.bean(RotationStore.class).lastRotated(entry.name()));
    }
    return suppliedValue != null ? operator().run(entry, suppliedValue.get()) : rotation.run(entry);
  }

  private OperatorStep operator() {
    return new OperatorStep(context.bean(OperatorRotation.class), progress);
  }
}
