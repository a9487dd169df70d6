package dev.keyturn.evidence;

/** Signs with an asymmetric key that never leaves its service, and hands out its public key. */
public interface Signatures {

  /**
   * The key and the algorithm it will sign with.
   *
   * @param keyId the key (id, ARN or alias)
   * @throws EvidenceKeyException when the key is missing or cannot sign
   */
  SigningKey key(String keyId);

  /**
   * @param message at most 4 KiB, signed as is
   * @throws EvidenceKeyException when the service refuses
   */
  byte[] sign(SigningKey key, byte[] message);

  /** The public key, DER (SubjectPublicKeyInfo), as the service hands it out. */
  byte[] publicKey(String keyId);

  /**
   * @param arn the key's ARN as the service names it
   * @param algorithm {@code RSASSA_PSS_SHA_256}, {@code ECDSA_SHA_256}, ...
   */
  record SigningKey(String arn, String algorithm) {}
}
