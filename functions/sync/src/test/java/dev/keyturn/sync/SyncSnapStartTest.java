package dev.keyturn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.snapstart.SnapStartHooks;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import org.junit.jupiter.api.Test;

/** The sync jar's part of core's SnapStart hooks, against moto and DynamoDB Local. */
@WithLocalAws
class SyncSnapStartTest {

  @Test
  void theSyncJar_primesItsBatchedReads_besidesCoresPrimers_andNothingFails() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      SnapStartHooks.PrimingReport report = context.getBean(SnapStartHooks.class).prime();

      assertThat(report.primed())
          .containsExactlyInAnyOrder(
              "secretsmanager:BatchGetSecretValue+ssm:GetParameters", "dynamodb:GetItem", "json");
      assertThat(report.failed()).isEmpty();
    }
  }

  @Test
  void aSimulatedCheckpointAndRestore_leaveTheFunctionWorking() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      CheckpointSimulator simulator = context.getBean(CheckpointSimulator.class);

      simulator.runBeforeCheckpoint();
      simulator.runAfterRestore();

      // the credentials chain was replaced; the next AWS call resolves afresh and succeeds
      assertThat(context.getBean(SnapStartHooks.class).prime().failed()).isEmpty();
    }
  }
}
