package dev.keyturn.webhook.scheme;

import java.util.SplittableRandom;

/**
 * A small property-test runner: runs a check against many generated inputs, each from its own
 * seeded random source, and on failure names the property, the try and the seed to replay it with
 * ({@code -Dkeyturn.property.seed=<seed>}). No shrinking: failures report the try, never the
 * generated values (which may include test secrets).
 */
public final class PropertyCheck {

  public static final String SEED_PROPERTY = "keyturn.property.seed";

  /** One property: gets a random source for this try, fails by throwing. */
  @FunctionalInterface
  public interface Check {
    void run(SplittableRandom random) throws Exception;
  }

  private PropertyCheck() {}

  /** Runs {@code check} {@code tries} times; returns the seed used. */
  public static long forAll(String property, int tries, Check check) {
    long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
    SplittableRandom tryRandoms = new SplittableRandom(seed);
    for (int attempt = 0; attempt < tries; attempt++) {
      SplittableRandom random = tryRandoms.split();
      try {
        check.run(random);
      } catch (Throwable failure) {
        throw new AssertionError(
            "property '"
                + property
                + "' failed at try "
                + attempt
                + " of "
                + tries
                + "; replay with -D"
                + SEED_PROPERTY
                + "="
                + seed,
            failure);
      }
    }
    return seed;
  }
}
