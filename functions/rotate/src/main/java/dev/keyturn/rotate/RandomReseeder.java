package dev.keyturn.rotate;

import dev.keyturn.rotate.generator.RandomSource;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart restores one memory snapshot into many execution environments; randomness seeded before
 * the snapshot would repeat in every copy. After a restore the generators' {@link RandomSource}
 * drops its generator, so the next key or password comes from a freshly seeded one. (micronaut-crac
 * registers every {@link OrderedResource} bean at startup.)
 */
@Singleton
public class RandomReseeder implements OrderedResource {

  private final RandomSource random;

  public RandomReseeder(RandomSource random) {
    this.random = random;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    random.reseed(); // nothing seeded before the snapshot survives into it
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    random.reseed();
  }
}
