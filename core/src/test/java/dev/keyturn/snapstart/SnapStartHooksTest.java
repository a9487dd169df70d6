package dev.keyturn.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The hooks in a real context (DynamoDB Local), driven by micronaut-crac's checkpoint simulator.
 */
@WithLocalAws
class SnapStartHooksTest {

  private ApplicationContext context;
  private CheckpointSimulator simulator;

  @BeforeEach
  void start() {
    context = ApplicationContext.run(Map.of("snapstart-test.primers", "true"), "test");
    simulator = context.getBean(CheckpointSimulator.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void beforeCheckpoint_runsEveryPrimerOnce_andToleratesOneThatFails() {
    simulator.runBeforeCheckpoint();

    assertThat(context.getBean(TestPrimers.Counting.class).calls).hasValue(1);
    SnapStartHooks.PrimingReport report = context.getBean(SnapStartHooks.class).prime();
    assertThat(report.primed()).contains("counting", "dynamodb:GetItem", "json");
    assertThat(report.failed()).containsExactly("failing:IllegalStateException");
  }

  @Test
  void theStateTablePrimer_readsTheTable_andWritesNothing(DynamoDbClient dynamoDb) {
    simulator.runBeforeCheckpoint();

    assertThat(context.getBean(SnapStartHooks.class).prime().primed()).contains("dynamodb:GetItem");
    assertThat(dynamoDb.scan(b -> b.tableName(LocalAwsExtension.TABLE)).count()).isZero();
  }

  @Test
  void afterRestore_givesEveryClientAFreshCredentialsChain() {
    RefreshableCredentialsProvider credentials =
        context.getBean(RefreshableCredentialsProvider.class);
    simulator.runBeforeCheckpoint();
    AwsCredentialsProvider inSnapshot = credentials.delegate();

    simulator.runAfterRestore();

    assertThat(credentials.delegate()).isNotSameAs(inSnapshot);
    // the clients still sign: the next call resolves from the (restored) environment
    assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames())
        .contains(LocalAwsExtension.TABLE);
  }

  @Test
  void afterRestore_reseedsTheRetryJitter() {
    ReseedableRandom jitter = context.getBean(ReseedableRandom.class);
    simulator.runBeforeCheckpoint();
    RandomGenerator inSnapshot = jitter.generator();

    simulator.runAfterRestore();

    assertThat(jitter.generator()).isNotSameAs(inSnapshot);
  }

  @Test
  void primingFailures_areReportedByType_neverByMessage() {
    SnapStartHooks.PrimingReport report = context.getBean(SnapStartHooks.class).prime();

    assertThat(report.failed()).noneMatch(f -> f.contains("AccessDenied"));
  }
}
