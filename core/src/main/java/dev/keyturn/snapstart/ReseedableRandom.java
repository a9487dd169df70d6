package dev.keyturn.snapstart;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A non-cryptographic generator (retry jitter) that is re-created after a SnapStart restore. A
 * generator seeded before the snapshot would give every restored copy the same sequence, so copies
 * that fail together would also retry together: the very thing jitter is there to prevent.
 */
public final class ReseedableRandom implements RandomGenerator, Reseedable {

  private final Supplier<RandomGenerator> factory;
  private volatile RandomGenerator current;

  /** Backed by the platform's default algorithm, seeded on first use. */
  public ReseedableRandom() {
    this(RandomGenerator::getDefault);
  }

  public ReseedableRandom(Supplier<RandomGenerator> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public long nextLong() {
    return generator().nextLong();
  }

  @Override
  public void reseed() {
    current = null;
  }

  /** The generator in use, created on first use after construction or {@link #reseed()}. */
  RandomGenerator generator() {
    RandomGenerator generator = current;
    if (generator == null) {
      synchronized (this) {
        if (current == null) {
          current = Objects.requireNonNull(factory.get(), "factory returned no generator");
        }
        generator = current;
      }
    }
    return generator;
  }
}
