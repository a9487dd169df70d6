package dev.keyturn.rotate.generator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;

/** Signs and verifies JWTs the way an issuer and a JWKS-consuming verifier would. */
final class JwtTestSupport {

  private JwtTestSupport() {}

  /** A compact JWT signed with the secret's current signing key, kid in the header. */
  static String signWith(JwtKeys keys) throws JOSEException {
    JWK key = keys.signingKey();
    JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(keys.kid()).build(),
            new JWTClaimsSet.Builder().subject("user-1").issuer("keyturn-test").build());
    jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey()));
    return jwt.serialize();
  }

  /** Whether a verifier holding only the published JWKS accepts the token. */
  static boolean verifiesAgainstJwks(String token, JwtKeys publisher, JWSAlgorithm algorithm)
      throws JOSEException, ParseException {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(publisher.publicJwks())));
    try {
      processor.process(token, null);
      return true;
    } catch (BadJOSEException rejected) {
      return false;
    }
  }
}
