package dev.keyturn.rotate.generator;

import dev.keyturn.snapstart.Reseedable;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one place generators take randomness from.
 *
 * <p>Why not a plain {@code SecureRandom} field: with Lambda SnapStart the memory of an initialised
 * function is snapshotted once and restored into many execution environments, so a generator seeded
 * before the snapshot would hand the same "random" bytes to every restored copy. This source
 * therefore creates its {@link SecureRandom} lazily (never at class initialisation) and {@link
 * #reseed()} drops it, so the next use creates a fresh, freshly seeded one. As a {@link Reseedable}
 * bean it is reseeded by core's SnapStart hooks before the snapshot and after every restore. Create
 * instances per application, not in static fields.
 */
public final class RandomSource implements Reseedable {

  private final Supplier<SecureRandom> factory;
  private SecureRandom random;

  /** A source backed by the platform's default {@code SecureRandom} (non-blocking). */
  public RandomSource() {
    this(SecureRandom::new);
  }

  /** A source that creates its generator with {@code factory}, called lazily and after reseed. */
  public RandomSource(Supplier<SecureRandom> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The current generator, created on first use after construction or {@link #reseed()}. */
  public synchronized SecureRandom secureRandom() {
    if (random == null) {
      random = Objects.requireNonNull(factory.get(), "factory returned no SecureRandom");
    }
    return random;
  }

  /** Forgets the current generator; the next use creates and seeds a new one. */
  @Override
  public synchronized void reseed() {
    random = null;
  }

  /** {@code count} random bytes. */
  public byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    secureRandom().nextBytes(bytes);
    return bytes;
  }

  /** {@code length} characters drawn uniformly from {@code alphabet}. */
  public String characters(int length, String alphabet) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("alphabet is empty");
    }
    SecureRandom source = secureRandom();
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // nextInt(bound) rejects biased samples, so every character is equally likely
      out.append(alphabet.charAt(source.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
