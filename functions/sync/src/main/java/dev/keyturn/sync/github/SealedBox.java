package dev.keyturn.sync.github;

import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.Pack;

/**
 * libsodium's {@code crypto_box_seal}, which GitHub requires for Actions secrets, composed from
 * Bouncy Castle primitives: a fresh X25519 key pair per message, {@code crypto_box} (X25519 shared
 * secret, HSalsa20 key derivation, XSalsa20-Poly1305) with nonce = BLAKE2b-192(ephemeral public key
 * ‖ recipient public key), output = ephemeral public key ‖ MAC ‖ ciphertext. No primitive is
 * implemented here; the tests check it against libsodium itself, both ways, and fixed vectors.
 */
public final class SealedBox {

  public static final int KEY_BYTES = 32;
  static final int MAC_BYTES = 16;
  static final int NONCE_BYTES = 24;

  /** Overhead of a sealed box over its message: ephemeral public key and MAC. */
  public static final int SEAL_BYTES = KEY_BYTES + MAC_BYTES;

  /** "expand 32-byte k" as little-endian words: the Salsa20 constants. */
  private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

  private static final SecureRandom RANDOM = new SecureRandom();

  private SealedBox() {}

  /** Seals {@code message} for the holder of {@code recipientPublicKey}'s private key. */
  public static byte[] seal(byte[] message, byte[] recipientPublicKey) {
    byte[] ephemeralSecret = new byte[KEY_BYTES];
    X25519.generatePrivateKey(RANDOM, ephemeralSecret);
    try {
      return seal(message, recipientPublicKey, ephemeralSecret);
    } finally {
      Arrays.fill(ephemeralSecret, (byte) 0);
    }
  }

  /** Seals with a given ephemeral secret key: deterministic, for test vectors only. */
  static byte[] seal(byte[] message, byte[] recipientPublicKey, byte[] ephemeralSecret) {
    requireKey(recipientPublicKey);
    byte[] ephemeralPublic = new byte[KEY_BYTES];
    X25519.generatePublicKey(ephemeralSecret, 0, ephemeralPublic, 0);
    byte[] key = beforenm(recipientPublicKey, ephemeralSecret);
    byte[] nonce = nonce(ephemeralPublic, recipientPublicKey);
    XSalsa20Engine stream = stream(key, nonce);
    byte[] macKey = keystream(stream, KEY_BYTES);
    byte[] out = new byte[SEAL_BYTES + message.length];
    System.arraycopy(ephemeralPublic, 0, out, 0, KEY_BYTES);
    stream.processBytes(message, 0, message.length, out, SEAL_BYTES);
    mac(macKey, out, SEAL_BYTES, message.length, out, KEY_BYTES);
    Arrays.fill(key, (byte) 0);
    Arrays.fill(macKey, (byte) 0);
    return out;
  }

  /**
   * Opens a sealed box ({@code crypto_box_seal_open}).
   *
   * @throws IllegalArgumentException when it is too short or its MAC does not verify
   */
  public static byte[] open(byte[] sealed, byte[] recipientPublicKey, byte[] recipientSecret) {
    requireKey(recipientPublicKey);
    if (sealed.length < SEAL_BYTES) {
      throw new IllegalArgumentException("a sealed box has at least " + SEAL_BYTES + " bytes");
    }
    byte[] ephemeralPublic = java.util.Arrays.copyOfRange(sealed, 0, KEY_BYTES);
    byte[] key = beforenm(ephemeralPublic, recipientSecret);
    XSalsa20Engine stream = stream(key, nonce(ephemeralPublic, recipientPublicKey));
    byte[] macKey = keystream(stream, KEY_BYTES);
    byte[] expected = new byte[MAC_BYTES];
    int length = sealed.length - SEAL_BYTES;
    mac(macKey, sealed, SEAL_BYTES, length, expected, 0);
    byte[] given = java.util.Arrays.copyOfRange(sealed, KEY_BYTES, SEAL_BYTES);
    if (!Arrays.constantTimeAreEqual(expected, given)) {
      throw new IllegalArgumentException("the sealed box does not verify");
    }
    byte[] message = new byte[length];
    stream.processBytes(sealed, SEAL_BYTES, length, message, 0);
    return message;
  }

  /** A new X25519 key pair: {@code [secret, public]}. */
  public static byte[][] keyPair() {
    byte[] secret = new byte[KEY_BYTES];
    X25519.generatePrivateKey(RANDOM, secret);
    byte[] pub = new byte[KEY_BYTES];
    X25519.generatePublicKey(secret, 0, pub, 0);
    return new byte[][] {secret, pub};
  }

  /**
   * {@code crypto_box_beforenm}: HSalsa20 of the X25519 shared secret with a zero nonce. With a
   * zero 16-byte input, HSalsa20's state is Salsa20's own initial state for that key with a zero IV
   * and block counter; HSalsa20 returns words 0, 5, 10, 15, 6, 7, 8, 9 of the Salsa20 core before
   * its final addition of the state, so they are the first keystream block's words less the state
   * words (the constants at 0, 5, 10, 15; zeros at 6–9). Bouncy Castle's Salsa20Engine computes the
   * block; this only undoes the documented addition.
   */
  static byte[] beforenm(byte[] publicKey, byte[] secretKey) {
    byte[] shared = new byte[KEY_BYTES];
    if (!X25519.calculateAgreement(secretKey, 0, publicKey, 0, shared, 0)) {
      throw new IllegalArgumentException("the public key is a low-order point");
    }
    Salsa20Engine salsa = new Salsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(shared), new byte[8]));
    byte[] block = new byte[64];
    salsa.processBytes(new byte[64], 0, 64, block, 0);
    int[] words = new int[16];
    Pack.littleEndianToInt(block, 0, words);
    int[] hsalsa = {
      words[0] - SIGMA[0],
      words[5] - SIGMA[1],
      words[10] - SIGMA[2],
      words[15] - SIGMA[3],
      words[6],
      words[7],
      words[8],
      words[9]
    };
    Arrays.fill(shared, (byte) 0);
    Arrays.fill(block, (byte) 0);
    return Pack.intToLittleEndian(hsalsa);
  }

  /** BLAKE2b-192 (unkeyed) of the ephemeral then the recipient public key. */
  static byte[] nonce(byte[] ephemeralPublic, byte[] recipientPublic) {
    Blake2bDigest blake = new Blake2bDigest(NONCE_BYTES * 8);
    blake.update(ephemeralPublic, 0, KEY_BYTES);
    blake.update(recipientPublic, 0, KEY_BYTES);
    byte[] nonce = new byte[NONCE_BYTES];
    blake.doFinal(nonce, 0);
    return nonce;
  }

  private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  /**
   * The next {@code n} keystream bytes (crypto_secretbox takes the Poly1305 key from the first 32).
   */
  private static byte[] keystream(XSalsa20Engine stream, int n) {
    byte[] out = new byte[n];
    stream.processBytes(new byte[n], 0, n, out, 0);
    return out;
  }

  private static void mac(byte[] key, byte[] in, int off, int len, byte[] out, int outOff) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(key));
    poly.update(in, off, len);
    poly.doFinal(out, outOff);
  }

  private static void requireKey(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("an X25519 public key has " + KEY_BYTES + " bytes");
    }
  }
}
