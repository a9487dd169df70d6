package dev.keyturn.rotate.generator.jwt;

import static dev.keyturn.rotate.generator.SecretAssertions.assertDoesNotMention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtKeysTest {

  private static ECKey newKey() throws Exception {
    return new ECKeyGenerator(Curve.P_256)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.ES256)
        .keyIDFromThumbprint(true)
        .generate();
  }

  @Test
  void parse_readsBackWhatToSecretValueWrote() throws Exception {
    ECKey a = newKey();
    ECKey b = newKey();
    JwtKeys keys = JwtKeys.first(a).rotateTo(b, 2);

    JwtKeys read = JwtKeys.parse(keys.toSecretValue());

    assertThat(read.kid()).isEqualTo(b.getKeyID());
    assertThat(read.signingKey()).isEqualTo(b);
    assertThat(read.publicJwks().getKeys()).containsExactly(b.toPublicJWK(), a.toPublicJWK());
    assertThat(read.retiredKeys()).containsExactly(a.toPublicJWK());
  }

  @Test
  void rotateTo_keepsAtMostRetainedKeys_newestFirst() throws Exception {
    List<ECKey> generated = new ArrayList<>();
    JwtKeys keys = null;
    for (int i = 0; i < 4; i++) {
      ECKey key = newKey();
      generated.add(key);
      keys = keys == null ? JwtKeys.first(key) : keys.rotateTo(key, 2);
    }

    assertThat(keys.publicKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(
            generated.get(3).getKeyID(), generated.get(2).getKeyID(), generated.get(1).getKeyID());
  }

  @Test
  void toSecretValue_publishesNoPrivateMembersInTheJwks() throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(JwtKeys.first(newKey()).toSecretValue());
    Map<String, Object> jwks = JSONObjectUtils.getJSONObject(json, "jwks");

    assertThat(JSONObjectUtils.getJSONObjectArray(jwks, "keys"))
        .allSatisfy(key -> assertThat(key).doesNotContainKey("d"));
    assertThat(JSONObjectUtils.getJSONObject(json, "privateJwk")).containsKey("d");
  }

  @Test
  void toString_showsKidsButNoKeyMaterial() throws Exception {
    ECKey key = newKey();
    String shown = JwtKeys.first(key).toString();

    assertThat(shown).contains(key.getKeyID());
    assertThat(shown.contains(key.getD().toString()))
        .as("toString shows the private key")
        .isFalse();
  }

  @Test
  void constructor_rejectsPrivateMaterialInTheJwks() throws Exception {
    ECKey key = newKey();

    assertThatThrownBy(() -> new JwtKeys(key, List.of(key)))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("private key material");
  }

  @Test
  void constructor_rejectsASigningKeyWithoutPrivatePart() throws Exception {
    ECKey key = newKey();

    assertThatThrownBy(() -> new JwtKeys(key.toPublicJWK(), List.of(key.toPublicJWK())))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("no private part");
  }

  @Test
  void constructor_rejectsRepeatedKids() throws Exception {
    ECKey key = newKey();

    assertThatThrownBy(() -> new JwtKeys(key, List.of(key.toPublicJWK(), key.toPublicJWK())))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("repeated kid");
  }

  @Test
  void parse_rejectsATopLevelKidThatDiffersFromThePrivateJwk() throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(JwtKeys.first(newKey()).toSecretValue());
    json.put("kid", "someone-else");

    assertThatThrownBy(() -> JwtKeys.parse(JSONObjectUtils.toJSONString(json)))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("field 'kid'");
  }

  @Test
  void parse_rejectsAnInvalidJwksKey_ratherThanSkippingIt() throws Exception {
    ECKey key = newKey();
    JwtKeys keys = JwtKeys.first(key).rotateTo(newKey(), 2);
    Map<String, Object> json = JSONObjectUtils.parse(keys.toSecretValue());
    Map<String, Object> jwks = JSONObjectUtils.getJSONObject(json, "jwks");
    List<Object> list = new ArrayList<>(JSONObjectUtils.getJSONArray(jwks, "keys"));
    list.set(1, Map.of("kty", "XYZ", "kid", key.getKeyID()));
    jwks.put("keys", list);

    assertThatThrownBy(() -> JwtKeys.parse(JSONObjectUtils.toJSONString(json)))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("key 1 of 'jwks' is not a valid JWK");
  }

  @Test
  void parse_rejectsMissingParts_namingTheField() {
    assertThatThrownBy(() -> JwtKeys.parse("{\"jwks\":{\"keys\":[]}}"))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("'privateJwk'");
    assertThatThrownBy(() -> JwtKeys.parse(""))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void parse_rejectsAPrivateJwkInvalidAsJwk_withoutQuotingIt() {
    String value =
        "{\"kid\":\"k\",\"privateJwk\":{\"kty\":\"EC\",\"d\":\"c2VjcmV0LWQtdmFsdWU\"},"
            + "\"jwks\":{\"keys\":[]}}";

    assertThatThrownBy(() -> JwtKeys.parse(value))
        .isInstanceOf(MalformedSecretValueException.class)
        .hasMessageContaining("'privateJwk' is not a valid JWK")
        .satisfies(e -> assertDoesNotMention(e, "c2VjcmV0LWQtdmFsdWU"));
  }
}
