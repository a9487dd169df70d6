package dev.keyturn.rotate.generator.jwt;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDoesNotMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.InvalidGeneratorOptionsException;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtKeyGeneratorTest {

  private final RandomSource random = new RandomSource();
  private final JwtKeyGenerator ec = JwtKeyGenerator.ec(random);
  private final JwtKeyGenerator rsa = JwtKeyGenerator.rsa(random);

  private static String first(JwtKeyGenerator generator, Map<String, String> options) {
    return generator.generate(GenerationRequest.first("jwt-signing", options));
  }

  @Test
  void types_areJwtRsaAndJwtEc() {
    assertThat(rsa.type()).isEqualTo("jwt-rsa");
    assertThat(ec.type()).isEqualTo("jwt-ec");
  }

  @Test
  void firstValue_hasKidPrivateJwkAndAJwksOfOnlyTheCurrentPublicKey() throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(first(ec, Map.of()));

    assertThat(json).containsOnlyKeys("kid", "privateJwk", "jwks");
    JWK privateJwk = JWK.parse(JSONObjectUtils.getJSONObject(json, "privateJwk"));
    List<Object> keys =
        JSONObjectUtils.getJSONArray(JSONObjectUtils.getJSONObject(json, "jwks"), "keys");
    assertThat(privateJwk.isPrivate()).isTrue();
    assertThat(privateJwk.getKeyID()).isEqualTo(json.get("kid"));
    assertThat(keys)
        .singleElement()
        .satisfies(key -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> publicKey = (Map<String, Object>) key;
          assertThat(publicKey).doesNotContainKey("d").containsEntry("kid", json.get("kid"));
        });
  }

  @Test
  void ecKey_isP256_forES256_withUseSig_andThumbprintKid() throws Exception {
    JWK key = JwtKeys.parse(first(ec, Map.of())).signingKey();

    assertThat(key).isInstanceOf(ECKey.class);
    assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_256);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint("SHA-256").toString());
  }

  @Test
  void rsaKey_is2048BitsByDefault_forRS256_withUseSig_andThumbprintKid() throws Exception {
    JWK key = JwtKeys.parse(first(rsa, Map.of())).signingKey();

    assertThat(key).isInstanceOf(RSAKey.class);
    assertThat(key.size()).isEqualTo(2048);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1024", "2047", "512", "8192", "big"})
  void validate_rsaBitsOtherThan2048_3072_4096_isAProblemNamingBits(String bits) {
    assertThat(rsa.validate(Map.of("bits", bits)))
        .containsExactly("option 'bits' must be one of: 2048, 3072, 4096");
  }

  @Test
  void validate_bitsIsUnknownForEc() {
    assertThat(ec.validate(Map.of("bits", "2048")))
        .singleElement()
        .asString()
        .startsWith("unknown option 'bits'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "11", "-2", "two"})
  void validate_retainedKeysOutside1To10_isAProblemNamingIt(String retained) {
    assertThat(ec.validate(Map.of("retainedKeys", retained)))
        .containsExactly("option 'retainedKeys' must be a whole number from 1 to 10");
  }

  @Test
  void validate_defaultsAndValidChoices_haveNoProblems() {
    assertThat(ec.validate(Map.of())).isEmpty();
    assertThat(rsa.validate(Map.of("bits", "4096", "retainedKeys", "10"))).isEmpty();
  }

  @Test
  void generate_withInvalidOptions_throwsNamedException() {
    assertThatThrownBy(() -> first(rsa, Map.of("bits", "1024")))
        .isInstanceOf(InvalidGeneratorOptionsException.class)
        .hasMessageContaining("'bits'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{}", " { } "})
  void generate_fromEmptyCurrentValue_startsAFreshKeySet(String current) {
    String value = ec.generate(new GenerationRequest("jwt-signing", Map.of(), current));

    assertThat(JwtKeys.parse(value).publicKeys()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "placeholder-please-rotate",
        "{\"kid\":\"abc\"}",
        "[1,2,3]",
        "{\"kid\":\"k\",\"privateJwk\":\"not-an-object\",\"jwks\":{\"keys\":[]}}"
      })
  void generate_fromCorruptCurrentValue_throwsNamedError_withoutTheValue(String current) {
    assertThatThrownBy(() -> ec.generate(new GenerationRequest("jwt-signing", Map.of(), current)))
        .isInstanceOfSatisfying(
            CorruptCurrentValueException.class,
            e -> assertThat(e.secretName()).isEqualTo("jwt-signing"))
        .hasMessageContaining("'jwt-signing'")
        .satisfies(e -> assertDoesNotMention(e, current));
  }

  @Test
  void generate_fromTruncatedKeySet_throwsNamedError_withoutKeyMaterial() {
    String value = first(ec, Map.of());
    String truncated = value.substring(0, value.length() - 5);
    String privateD = ((ECKey) JwtKeys.parse(value).signingKey()).getD().toString();

    assertThatThrownBy(() -> ec.generate(new GenerationRequest("jwt-signing", Map.of(), truncated)))
        .isInstanceOf(CorruptCurrentValueException.class)
        .satisfies(e -> assertDoesNotMention(e, privateD));
  }

  @Test
  void checkWellFormed_acceptsGeneratedValues() {
    String ecValue = first(ec, Map.of());
    String rsaValue = first(rsa, Map.of());

    assertThatCode(() -> ec.checkWellFormed(ecValue, Map.of())).doesNotThrowAnyException();
    assertThatCode(() -> rsa.checkWellFormed(rsaValue, Map.of())).doesNotThrowAnyException();
  }

  @Test
  void checkWellFormed_rejectsAKeyOfTheOtherType() {
    String ecValue = first(ec, Map.of());

    assertThatThrownBy(() -> rsa.checkWellFormed(ecValue, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("not a jwt-rsa key");
  }

  @Test
  void checkWellFormed_rejectsAnRsaKeyOfOtherSizeThanBits() {
    String rsaValue = first(rsa, Map.of());

    assertThatThrownBy(() -> rsa.checkWellFormed(rsaValue, Map.of("bits", "3072")))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("3072 bits");
  }

  @Test
  void checkWellFormed_rejectsMoreRetiredKeysThanRetained() {
    String value = null;
    for (int i = 0; i < 4; i++) {
      value = ec.generate(new GenerationRequest("jwt", Map.of("retainedKeys", "3"), value));
    }
    String withThreeRetired = value;

    assertThatThrownBy(() -> ec.checkWellFormed(withThreeRetired, Map.of("retainedKeys", "2")))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("more than 2 retired keys");
  }

  @Test
  void checkWellFormed_rejectsAKidThatIsNotTheThumbprint() throws Exception {
    ECKey key =
        new ECKeyGenerator(Curve.P_256)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .keyID("my-key")
            .generate();
    String value = JwtKeys.first(key).toSecretValue();

    assertThatThrownBy(() -> ec.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("thumbprint");
  }

  @Test
  void checkWellFormed_rejectsAKeyWithoutAlgOrUse() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
    String value = JwtKeys.first(key).toSecretValue();

    assertThatThrownBy(() -> ec.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("alg ES256 and use sig");
  }

  @Test
  void checkWellFormed_rejectsAValueWhoseJwksDoesNotStartWithTheSigningKey() throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(first(ec, Map.of()));
    Map<String, Object> other = JSONObjectUtils.parse(first(ec, Map.of()));
    json.put("jwks", other.get("jwks"));
    String swapped = JSONObjectUtils.toJSONString(json);

    assertThatThrownBy(() -> ec.checkWellFormed(swapped, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("first JWKS key");
  }

  @Test
  void checkWellFormed_rejectsNonJson_withoutQuotingIt() {
    String value = "-----BEGIN PRIVATE KEY-----abc";

    assertThatThrownBy(() -> ec.checkWellFormed(value, Map.of()))
        .isInstanceOf(MalformedSecretValueException.class)
        .satisfies(e -> assertDoesNotMention(e, "BEGIN PRIVATE KEY"));
  }
}
