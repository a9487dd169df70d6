package dev.keyturn.rotate.generator.jwt;

import static dev.keyturn.rotate.generator.jwt.JwtTestSupport.signWith;
import static dev.keyturn.rotate.generator.jwt.JwtTestSupport.verifiesAgainstJwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the JWKS carries retired keys across rotations (retainedKeys = 2 unless stated). */
class JwtRetentionTest {

  private static final Map<String, String> RETAIN_TWO = Map.of("retainedKeys", "2");

  /** Value after the first generation followed by {@code rotations} rotations, each kept. */
  private static List<String> history(
      JwtKeyGenerator generator, Map<String, String> options, int rotations) {
    List<String> values = new ArrayList<>();
    String current = null;
    for (int i = 0; i <= rotations; i++) {
      current = generator.generate(new GenerationRequest("jwt-signing", options, current));
      values.add(current);
    }
    return values;
  }

  private static List<String> publicKids(String value) {
    return JwtKeys.parse(value).publicKeys().stream().map(JWK::getKeyID).toList();
  }

  @ParameterizedTest(name = "after {0} rotations")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void jwks_holdsCurrentKeyThenTheLastTwoRetired_newestFirst(int rotations) {
    List<String> values = history(JwtKeyGenerator.ec(new RandomSource()), RETAIN_TWO, rotations);
    List<String> signingKids = values.stream().map(v -> JwtKeys.parse(v).kid()).toList();

    List<String> expected = new ArrayList<>();
    for (int i = rotations; i >= Math.max(0, rotations - 2); i--) {
      expected.add(signingKids.get(i));
    }
    assertThat(publicKids(values.getLast())).containsExactlyElementsOf(expected);
    assertThat(signingKids).doesNotHaveDuplicates();
  }

  @Test
  void everyValueInTheHistory_isWellFormed() {
    JwtKeyGenerator generator = JwtKeyGenerator.ec(new RandomSource());
    for (String value : history(generator, RETAIN_TWO, 4)) {
      assertThatCode(() -> generator.checkWellFormed(value, RETAIN_TWO)).doesNotThrowAnyException();
    }
  }

  @Test
  void tokenFromRotationI_verifiesForTwoMoreRotations_thenNoLonger() throws Exception {
    List<String> values = history(JwtKeyGenerator.ec(new RandomSource()), RETAIN_TWO, 5);
    for (int i = 0; i + 3 < values.size(); i++) {
      String token = signWith(JwtKeys.parse(values.get(i)));

      assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(i)), JWSAlgorithm.ES256))
          .as("rotation %d token against its own JWKS", i)
          .isTrue();
      assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(i + 1)), JWSAlgorithm.ES256))
          .as("rotation %d token against JWKS %d", i, i + 1)
          .isTrue();
      assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(i + 2)), JWSAlgorithm.ES256))
          .as("rotation %d token against JWKS %d", i, i + 2)
          .isTrue();
      assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(i + 3)), JWSAlgorithm.ES256))
          .as("rotation %d token against JWKS %d", i, i + 3)
          .isFalse();
    }
  }

  @Test
  void rsaTokens_followTheSameRetention() throws Exception {
    List<String> values = history(JwtKeyGenerator.rsa(new RandomSource()), RETAIN_TWO, 3);
    String token = signWith(JwtKeys.parse(values.getFirst()));

    assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(2)), JWSAlgorithm.RS256))
        .isTrue();
    assertThat(verifiesAgainstJwks(token, JwtKeys.parse(values.get(3)), JWSAlgorithm.RS256))
        .isFalse();
  }

  @Test
  void loweringRetainedKeys_dropsTheOldestRetiredKeys() {
    JwtKeyGenerator generator = JwtKeyGenerator.ec(new RandomSource());
    List<String> values = history(generator, Map.of("retainedKeys", "4"), 4);
    List<String> before = publicKids(values.getLast());

    String next =
        generator.generate(
            new GenerationRequest("jwt-signing", Map.of("retainedKeys", "1"), values.getLast()));

    assertThat(publicKids(next)).hasSize(2).element(1).isEqualTo(before.getFirst());
  }

  @Test
  void switchingKeyType_keepsTheRetiredKeysOfTheOldType() {
    RandomSource random = new RandomSource();
    String ecValue = JwtKeyGenerator.ec(random).generate(GenerationRequest.first("jwt", Map.of()));

    String rsaValue =
        JwtKeyGenerator.rsa(random).generate(new GenerationRequest("jwt", Map.of(), ecValue));

    assertThat(publicKids(rsaValue)).hasSize(2).element(1).isEqualTo(JwtKeys.parse(ecValue).kid());
  }
}
