package dev.keyturn.rotate.generator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;

/** The kinds of JWT signing key the jwt-* generators make. */
public enum JwtKeyType {
  /** {@code jwt-rsa}: RSA key for RS256. */
  RSA("jwt-rsa", JWSAlgorithm.RS256) {
    @Override
    JWKGenerator<? extends JWK> keyGenerator(int bits) {
      return new RSAKeyGenerator(bits);
    }

    @Override
    boolean matches(JWK key) {
      return key instanceof RSAKey;
    }
  },
  /** {@code jwt-ec}: EC key on P-256 for ES256. */
  EC("jwt-ec", JWSAlgorithm.ES256) {
    @Override
    JWKGenerator<? extends JWK> keyGenerator(int bits) {
      return new ECKeyGenerator(Curve.P_256);
    }

    @Override
    boolean matches(JWK key) {
      return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    }
  };

  private final String type;
  private final JWSAlgorithm algorithm;

  JwtKeyType(String type, JWSAlgorithm algorithm) {
    this.type = type;
    this.algorithm = algorithm;
  }

  /** The generator type name in the inventory. */
  public String type() {
    return type;
  }

  public JWSAlgorithm algorithm() {
    return algorithm;
  }

  /** Whether {@code key} is of this type (key type, and curve for EC). */
  abstract boolean matches(JWK key);

  abstract JWKGenerator<? extends JWK> keyGenerator(int bits);

  /**
   * A new private signing JWK with {@code use: sig}, this type's {@code alg}, and the RFC 7638
   * thumbprint as {@code kid}. {@code bits} is ignored for EC.
   */
  JWK generate(int bits, SecureRandom random) throws JOSEException {
    return keyGenerator(bits)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(algorithm)
        .keyIDFromThumbprint(true)
        .secureRandom(random)
        .generate();
  }
}
