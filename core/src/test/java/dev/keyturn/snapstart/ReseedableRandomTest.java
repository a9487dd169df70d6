package dev.keyturn.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReseedableRandomTest {

  @Test
  void withoutAReseed_theGeneratorIsKept() {
    ReseedableRandom random = new ReseedableRandom();

    assertThat(random.generator()).isSameAs(random.generator());
  }

  @Test
  void reseed_makesTheNextDrawComeFromANewGenerator() {
    AtomicInteger created = new AtomicInteger();
    ReseedableRandom random =
        new ReseedableRandom(() -> {
          created.incrementAndGet();
          return new SplittableRandom();
        });
    RandomGenerator before = random.generator();

    random.reseed();
    random.nextLong();

    assertThat(random.generator()).isNotSameAs(before);
    assertThat(created).hasValue(2);
  }
}
