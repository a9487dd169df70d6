package dev.keyturn.rotate.generator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys held by a {@code jwt-rsa} / {@code jwt-ec} secret, and the one reader and writer of that
 * secret's value. The value is a JSON object:
 *
 * <pre>{@code
 * {
 *   "kid":        "<kid of the current signing key>",
 *   "privateJwk": { full private JWK: kty, its private members, "kid", "alg", "use": "sig" },
 *   "jwks":       { "keys": [ current public JWK, then retired public JWKs, newest first ] }
 * }
 * }</pre>
 *
 * <p>{@code jwks} is ready to publish as-is at a JWKS endpoint; it never holds private members.
 * {@code jwks.keys[0]} is always the public half of {@code privateJwk}, and both carry {@code kid}.
 *
 * @param signingKey the current private signing key
 * @param publicKeys the public JWKS: current key first, then retired keys newest first
 */
public record JwtKeys(JWK signingKey, List<JWK> publicKeys) {

  static final String KID = "kid";
  static final String PRIVATE_JWK = "privateJwk";
  static final String JWKS = "jwks";

  /**
   * @throws MalformedSecretValueException when the keys do not fit together
   */
  public JwtKeys {
    Objects.requireNonNull(signingKey, "signingKey");
    publicKeys = List.copyOf(publicKeys);
    checkConsistent(signingKey, publicKeys);
  }

  /** Keys for a secret's first value: the JWKS holds only the new key. */
  public static JwtKeys first(JWK signingKey) {
    return new JwtKeys(signingKey, List.of(signingKey.toPublicJWK()));
  }

  /**
   * The keys after rotating to {@code newSigningKey}: the current public key becomes the newest
   * retired one and at most {@code retainedKeys} retired keys are kept.
   */
  public JwtKeys rotateTo(JWK newSigningKey, int retainedKeys) {
    List<JWK> keys = new ArrayList<>();
    keys.add(newSigningKey.toPublicJWK());
    keys.addAll(publicKeys.subList(0, Math.min(retainedKeys, publicKeys.size())));
    return new JwtKeys(newSigningKey, keys);
  }

  /** The kid of the current signing key (also the kid of the first JWKS key). */
  public String kid() {
    return signingKey.getKeyID();
  }

  /** The public JWKS to publish (current key first). */
  public JWKSet publicJwks() {
    return new JWKSet(publicKeys);
  }

  /** The retired public keys, newest first. */
  public List<JWK> retiredKeys() {
    return publicKeys.subList(1, publicKeys.size());
  }

  /**
   * Reads a secret value written by {@link #toSecretValue()}.
   *
   * @throws MalformedSecretValueException naming what is wrong, never quoting the value
   */
  public static JwtKeys parse(String secretValue) {
    Map<String, Object> json = parseObject(secretValue);
    JWK signingKey = parseKey(member(json, PRIVATE_JWK), "field '" + PRIVATE_JWK + "'");
    List<JWK> publicKeys = parsePublicKeys(member(json, JWKS));
    if (!(json.get(KID) instanceof String kid) || !kid.equals(signingKey.getKeyID())) {
      throw new MalformedSecretValueException(
          "field '" + KID + "' is missing or differs from the kid of '" + PRIVATE_JWK + "'");
    }
    return new JwtKeys(signingKey, publicKeys);
  }

  /** The secret value: see the class comment for its shape. */
  public String toSecretValue() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(KID, kid());
    json.put(PRIVATE_JWK, signingKey.toJSONObject());
    json.put(JWKS, publicJwks().toJSONObject(true));
    return JSONObjectUtils.toJSONString(json);
  }

  /** Names the keys without printing them: a record would print the private key. */
  @Override
  public String toString() {
    return "JwtKeys[kid="
        + kid()
        + ", publicKids="
        + publicKeys.stream().map(JWK::getKeyID).toList()
        + "]";
  }

  private static Map<String, Object> parseObject(String secretValue) {
    if (secretValue == null || secretValue.isBlank()) {
      throw new MalformedSecretValueException("value is empty");
    }
    try {
      Map<String, Object> json = JSONObjectUtils.parse(secretValue);
      if (json != null) {
        return json;
      }
    } catch (ParseException | RuntimeException notJson) {
      // the parser's message can quote the value; the cause is dropped on purpose
    }
    throw new MalformedSecretValueException("value is not a JSON object");
  }

  private static Map<String, Object> member(Map<String, Object> json, String name) {
    try {
      Map<String, Object> member = JSONObjectUtils.getJSONObject(json, name);
      if (member != null) {
        return member;
      }
    } catch (ParseException wrongType) {
      // reported below
    }
    throw new MalformedSecretValueException("field '" + name + "' is missing or not an object");
  }

  private static List<JWK> parsePublicKeys(Map<String, Object> jwks) {
    List<Object> keys;
    try {
      keys = JSONObjectUtils.getJSONArray(jwks, "keys");
    } catch (ParseException wrongType) {
      keys = null;
    }
    if (keys == null || keys.isEmpty()) {
      throw new MalformedSecretValueException("field '" + JWKS + ".keys' is missing or empty");
    }
    List<JWK> parsed = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String where = "key " + i + " of '" + JWKS + "'";
      if (!(keys.get(i) instanceof Map<?, ?> key)) {
        throw new MalformedSecretValueException(where + " is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> keyObject = (Map<String, Object>) key;
      parsed.add(parseKey(keyObject, where));
    }
    return parsed;
  }

  private static JWK parseKey(Map<String, Object> json, String where) {
    try {
      return JWK.parse(json);
    } catch (ParseException | RuntimeException notAJwk) {
      throw new MalformedSecretValueException(where + " is not a valid JWK");
    }
  }

  private static void checkConsistent(JWK signingKey, List<JWK> publicKeys) {
    if (!signingKey.isPrivate()) {
      throw new MalformedSecretValueException("the signing key has no private part");
    }
    if (signingKey.getKeyID() == null || signingKey.getKeyID().isBlank()) {
      throw new MalformedSecretValueException("the signing key has no kid");
    }
    if (publicKeys.isEmpty()) {
      throw new MalformedSecretValueException("the JWKS is empty");
    }
    var kids = new HashSet<String>();
    for (JWK key : publicKeys) {
      if (key.isPrivate()) {
        throw new MalformedSecretValueException("the JWKS holds private key material");
      }
      if (key.getKeyID() == null || !kids.add(key.getKeyID())) {
        throw new MalformedSecretValueException("a JWKS key has no kid or a repeated kid");
      }
    }
    JWK current = publicKeys.getFirst();
    if (!signingKey.getKeyID().equals(current.getKeyID())
        || !thumbprint(signingKey).equals(thumbprint(current))) {
      throw new MalformedSecretValueException(
          "the first JWKS key is not the public half of the signing key");
    }
  }

  static String thumbprint(JWK key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException unsupported) {
      throw new MalformedSecretValueException("a key's RFC 7638 thumbprint cannot be computed");
    }
  }
}
