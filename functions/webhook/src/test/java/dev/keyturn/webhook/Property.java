package dev.keyturn.webhook;

import java.util.SplittableRandom;

/**
 * Runs a check against many generated inputs, each from its own seeded random source; a failure
 * names the try and the seed to replay it with ({@code -Dkeyturn.property.seed=<seed>}), never the
 * generated values (which include test secrets).
 */
final class Property {

  static final String SEED_PROPERTY = "keyturn.property.seed";

  @FunctionalInterface
  interface Check {
    void run(SplittableRandom random) throws Exception;
  }

  private Property() {}

  static void forAll(String property, int tries, Check check) {
    long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int attempt = 0; attempt < tries; attempt++) {
      SplittableRandom random = seeds.split();
      try {
        check.run(random);
      } catch (Throwable failure) {
        throw new AssertionError(
            "property '%s' failed at try %d of %d; replay with -D%s=%d"
                .formatted(property, attempt, tries, SEED_PROPERTY, seed),
            failure);
      }
    }
  }
}
