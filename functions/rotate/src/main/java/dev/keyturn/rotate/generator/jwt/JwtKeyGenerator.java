package dev.keyturn.rotate.generator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorFailedException;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code jwt-rsa} (RS256) and {@code jwt-ec} (ES256, P-256): a JWT signing key plus the public JWKS
 * verifiers need, in the JSON shape documented on {@link JwtKeys}.
 *
 * <p>Each rotation makes a new key and keeps the previous public keys in the JWKS, so tokens signed
 * shortly before a rotation still verify: the JWKS holds the current key and at most {@code
 * retainedKeys} (1..10, default 2) retired ones, newest first. {@code jwt-rsa} also takes {@code
 * bits}: 2048 (default), 3072 or 4096; smaller RSA keys are rejected.
 *
 * <p>The {@code kid} is the key's RFC 7638 thumbprint (base64url SHA-256): it is derived from the
 * key itself, so it needs no clock, cannot collide between keys, and any verifier can recompute it.
 * Age order is carried by the JWKS order, not by the kid.
 *
 * <p>A current value is taken as "no previous key" only when it is absent, blank or {@code {}}; any
 * other value that is not a valid key set stops generation with {@link
 * CorruptCurrentValueException}, because discarding it would drop keys tokens still depend on.
 */
public final class JwtKeyGenerator implements SecretGenerator {

  public static final int DEFAULT_RETAINED_KEYS = 2;
  public static final int MAX_RETAINED_KEYS = 10;
  public static final int DEFAULT_RSA_BITS = 2048;

  private static final Map<String, Integer> RSA_BITS =
      Map.of("2048", 2048, "3072", 3072, "4096", 4096);

  private final JwtKeyType keyType;
  private final RandomSource random;

  public JwtKeyGenerator(JwtKeyType keyType, RandomSource random) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.random = Objects.requireNonNull(random, "random");
  }

  public static JwtKeyGenerator rsa(RandomSource random) {
    return new JwtKeyGenerator(JwtKeyType.RSA, random);
  }

  public static JwtKeyGenerator ec(RandomSource random) {
    return new JwtKeyGenerator(JwtKeyType.EC, random);
  }

  /** The options, read and checked ({@code bits} is 0 for EC). */
  public record Settings(int bits, int retainedKeys) {}

  @Override
  public String type() {
    return keyType.type();
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    GeneratorOptions reader = reader(options);
    read(reader);
    return reader.problems();
  }

  @Override
  public String generate(GenerationRequest request) {
    Settings settings = settings(request.options());
    JwtKeys previous = previousKeys(request);
    JWK signingKey = newKey(settings);
    JwtKeys next =
        previous == null
            ? JwtKeys.first(signingKey)
            : previous.rotateTo(signingKey, settings.retainedKeys());
    return next.toSecretValue();
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    Settings settings = settings(options);
    JwtKeys keys = JwtKeys.parse(value);
    JWK signingKey = keys.signingKey();
    if (!keyType.matches(signingKey)) {
      throw new MalformedSecretValueException("the signing key is not a " + type() + " key");
    }
    if (!keyType.algorithm().equals(signingKey.getAlgorithm())
        || !KeyUse.SIGNATURE.equals(signingKey.getKeyUse())) {
      throw new MalformedSecretValueException(
          "the signing key does not declare alg " + keyType.algorithm() + " and use sig");
    }
    if (!signingKey.getKeyID().equals(JwtKeys.thumbprint(signingKey))) {
      throw new MalformedSecretValueException("the kid is not the key's RFC 7638 thumbprint");
    }
    if (keyType == JwtKeyType.RSA && signingKey.size() != settings.bits()) {
      throw new MalformedSecretValueException("the RSA key is not " + settings.bits() + " bits");
    }
    if (keys.retiredKeys().size() > settings.retainedKeys()) {
      throw new MalformedSecretValueException(
          "the JWKS holds more than " + settings.retainedKeys() + " retired keys");
    }
    JwtSelfTest.signAndVerify(keys, keyType);
  }

  /** The options, read; throws when they are invalid. */
  public Settings settings(Map<String, String> options) {
    GeneratorOptions reader = reader(options);
    Settings settings = read(reader);
    reader.requireValid(type());
    return settings;
  }

  private JwtKeys previousKeys(GenerationRequest request) {
    if (!request.hasCurrentValue() || request.currentValue().strip().matches("\\{\\s*}")) {
      return null;
    }
    try {
      return JwtKeys.parse(request.currentValue());
    } catch (MalformedSecretValueException corrupt) {
      throw new CorruptCurrentValueException(request.secretName(), corrupt.problem());
    }
  }

  private JWK newKey(Settings settings) {
    try {
      return keyType.generate(settings.bits(), random.secureRandom());
    } catch (JOSEException failed) {
      throw new GeneratorFailedException(type(), "key generation failed");
    }
  }

  private GeneratorOptions reader(Map<String, String> options) {
    Set<String> known =
        keyType == JwtKeyType.RSA ? Set.of("bits", "retainedKeys") : Set.of("retainedKeys");
    return new GeneratorOptions(options, known);
  }

  private Settings read(GeneratorOptions reader) {
    int bits = keyType == JwtKeyType.RSA ? reader.oneOf("bits", DEFAULT_RSA_BITS, RSA_BITS) : 0;
    int retained = reader.integer("retainedKeys", DEFAULT_RETAINED_KEYS, 1, MAX_RETAINED_KEYS);
    return new Settings(bits, retained);
  }
}
