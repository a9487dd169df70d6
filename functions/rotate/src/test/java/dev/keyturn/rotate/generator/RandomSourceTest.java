package dev.keyturn.rotate.generator;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDifferentSecret;
import static dev.keyturn.rotate.generator.SecretAssertions.assertSameSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.generator.hmac.HmacKeyGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

  private final AtomicInteger created = new AtomicInteger();

  private RandomSource countingSource() {
    return new RandomSource(() -> {
      created.incrementAndGet();
      return new SecureRandom();
    });
  }

  /** A factory whose every instance yields the same stream, to observe which instance is used. */
  private static SecureRandom fixedSeed() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(new byte[] {1, 2, 3, 4});
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void construction_createsNoSecureRandom_untilFirstUse() {
    RandomSource source = countingSource();
    assertThat(created).hasValue(0);

    source.bytes(8);

    assertThat(created).hasValue(1);
  }

  @Test
  void secureRandom_isReused_betweenReseeds() {
    RandomSource source = countingSource();

    SecureRandom first = source.secureRandom();
    source.bytes(16);

    assertThat(source.secureRandom()).isSameAs(first);
    assertThat(created).hasValue(1);
  }

  @Test
  void reseed_makesNextUseCreateAFreshSecureRandom() {
    RandomSource source = countingSource();
    SecureRandom beforeRestore = source.secureRandom();

    source.reseed();

    assertThat(created).hasValue(1);
    assertThat(source.secureRandom()).isNotSameAs(beforeRestore);
    assertThat(created).hasValue(2);
  }

  @Test
  void reseed_makesGeneratorsDrawFromTheNewInstance() {
    RandomSource source = new RandomSource(RandomSourceTest::fixedSeed);
    HmacKeyGenerator generator = new HmacKeyGenerator(source);
    GenerationRequest request = GenerationRequest.first("webhook-secret", Map.of());

    String first = generator.generate(request);
    String second = generator.generate(request);
    source.reseed();
    String afterReseed = generator.generate(request);

    assertDifferentSecret(second, first, "second key from the same instance");
    // a fresh instance from the (deliberately fixed-seed) factory starts its stream over
    assertSameSecret(afterReseed, first, "first key from the fresh instance");
  }

  @Test
  void characters_drawsOnlyFromTheAlphabet_withTheRequestedLength() {
    String drawn = new RandomSource().characters(500, "ab");

    assertThat(drawn).hasSize(500).matches("[ab]+").contains("a", "b");
  }

  @Test
  void characters_rejectsAnEmptyAlphabet() {
    assertThatThrownBy(() -> new RandomSource().characters(4, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
