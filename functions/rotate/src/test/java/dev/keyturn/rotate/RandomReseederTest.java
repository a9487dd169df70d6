package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.rotate.generator.RandomSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.crac.test.CheckpointSimulator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class RandomReseederTest {

  @Test
  void afterRestore_givesTheGeneratorsAFreshlySeededRandom() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      RandomSource random = context.getBean(RandomSource.class);
      SecureRandom beforeSnapshot = random.secureRandom();

      context.getBean(CheckpointSimulator.class).runBeforeCheckpoint();
      context.getBean(CheckpointSimulator.class).runAfterRestore();

      assertThat(random.secureRandom()).isNotSameAs(beforeSnapshot);
    }
  }

  @Test
  void withoutARestore_theGeneratorIsKept() {
    try (ApplicationContext context = ApplicationContext.run("test")) {
      RandomSource random = context.getBean(RandomSource.class);

      assertThat(random.secureRandom()).isSameAs(random.secureRandom());
    }
  }
}
