package dev.keyturn.rotate.generator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyturn.rotate.generator.MalformedSecretValueException;

/**
 * Proves a key set works end to end: a JWT signed with the signing key verifies against the key
 * that the published JWKS holds under its kid.
 */
final class JwtSelfTest {

  private JwtSelfTest() {}

  static void signAndVerify(JwtKeys keys, JwtKeyType type) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(type.algorithm()).keyID(keys.kid()).build(),
            new JWTClaimsSet.Builder().subject("keyturn-self-test").build());
    JWK published = keys.publicJwks().getKeyByKeyId(keys.kid());
    boolean verified;
    try {
      jwt.sign(signer(keys.signingKey()));
      verified = published != null && jwt.verify(verifier(published));
    } catch (JOSEException failed) {
      verified = false;
    }
    if (!verified) {
      throw new MalformedSecretValueException(
          "a JWT signed with the signing key does not verify against the JWKS");
    }
  }

  private static JWSSigner signer(JWK key) throws JOSEException {
    return switch (key) {
      case RSAKey rsa -> new RSASSASigner(rsa);
      case ECKey ec -> new ECDSASigner(ec);
      default -> throw new JOSEException("unsupported key type");
    };
  }

  private static JWSVerifier verifier(JWK key) throws JOSEException {
    return switch (key) {
      case RSAKey rsa -> new RSASSAVerifier(rsa);
      case ECKey ec -> new ECDSAVerifier(ec);
      default -> throw new JOSEException("unsupported key type");
    };
  }
}
