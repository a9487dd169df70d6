package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.snapstart.SnapStartHooks;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The rotate jar's part of core's SnapStart hooks, through micronaut-crac's simulator. */
@WithLocalAws
class RotateSnapStartTest {

  @Test
  void afterRestore_givesTheGeneratorsAFreshlySeededRandom() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      RandomSource random = context.getBean(RandomSource.class);
      SecureRandom beforeSnapshot = random.secureRandom();

      context.getBean(CheckpointSimulator.class).runBeforeCheckpoint();
      SecureRandom inSnapshot = random.secureRandom();
      context.getBean(CheckpointSimulator.class).runAfterRestore();

      assertThat(inSnapshot).isNotSameAs(beforeSnapshot);
      assertThat(random.secureRandom()).isNotSameAs(beforeSnapshot).isNotSameAs(inSnapshot);
    }
  }

  @Test
  void withoutARestore_theGeneratorIsKept() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      RandomSource random = context.getBean(RandomSource.class);

      assertThat(random.secureRandom()).isSameAs(random.secureRandom());
    }
  }

  @Test
  void theRotateJar_primesSecretsManager_besidesCoresPrimers() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      SnapStartHooks.PrimingReport report = context.getBean(SnapStartHooks.class).prime();

      assertThat(report.primed())
          .containsExactlyInAnyOrder(
              "secretsmanager:GetRandomPassword", "dynamodb:GetItem", "json");
      assertThat(report.failed()).isEmpty();
    }
  }
}
