package dev.keyturn.webhook.it;

import dev.keyturn.webhook.scheme.InvalidSigningInputException;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.scheme.StandardWebhooksScheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook source of the fuzz run: its inventory entry, the value stored for it in Secrets
 * Manager, and how its sender signs (with the stored secret, or with the private key whose public
 * half is stored).
 *
 * @param signatureHeader the header holding the signature (lower case, as a Function URL sends it)
 * @param timestampHeader the header holding a signed timestamp, or null (Stripe signs it inside its
 *     signature header)
 * @param idSigned whether the delivery id header is signed (standard-webhooks)
 */
record FuzzSource(
    String name,
    String scheme,
    Map<String, String> options,
    String stored,
    KeyPair ed25519,
    String signatureHeader,
    String timestampHeader,
    boolean timestamped,
    boolean idSigned) {

  /** Headers for {@code body} as this source's sender signs it at {@code at}. */
  Map<String, String> sign(byte[] body, Instant at, String id) {
    return ed25519 != null ? signV1a(ed25519, body, at, id) : signWith(stored, body, at, id);
  }

  /** Headers signed the way this source signs, but with another key (a forger's). */
  Map<String, String> signWithOther(
      FuzzSource other, KeyPair otherKeys, byte[] body, Instant at, String id) {
    if (ed25519 != null) {
      return signV1a(otherKeys, body, at, id);
    }
    try {
      return signWith(other.stored.equals(stored) ? stored + "x" : other.stored, body, at, id);
    } catch (InvalidSigningInputException notThisSchemesFormat) {
      return signWith("whsec_" + Base64.getEncoder().encodeToString(id.getBytes()), body, at, id);
    }
  }

  private Map<String, String> signWith(String secret, byte[] body, Instant at, String id) {
    return lowerCase(Schemes.signer(scheme, options).sign(secret, body, at, id));
  }

  private static Map<String, String> signV1a(KeyPair keys, byte[] body, Instant at, String id) {
    String timestamp = Long.toString(at.getEpochSecond());
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(prefix);
      signer.update(body);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(StandardWebhooksScheme.ID_HEADER, id);
      headers.put(StandardWebhooksScheme.TIMESTAMP_HEADER, timestamp);
      headers.put(
          StandardWebhooksScheme.SIGNATURE_HEADER,
          "v1a," + Base64.getEncoder().encodeToString(signer.sign()));
      return headers;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((name, value) -> out.put(name.toLowerCase(java.util.Locale.ROOT), value));
    return out;
  }

  /** Whether the signature is hex (where a digit's case is not a change of value). */
  boolean hexSignature() {
    return scheme.equals("stripe") || scheme.equals("slack") || scheme.equals("github");
  }
}
