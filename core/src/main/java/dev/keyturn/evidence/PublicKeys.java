package dev.keyturn.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A public key file as an auditor receives it: PEM ({@code BEGIN PUBLIC KEY}) or DER. */
final class PublicKeys {

  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private PublicKeys() {}

  static byte[] der(byte[] file) {
    String text = new String(file, StandardCharsets.US_ASCII);
    int begin = text.indexOf(BEGIN);
    if (begin < 0) {
      return file;
    }
    int end = text.indexOf(END, begin);
    if (end < 0) {
      throw new EvidenceInputException("the public key file has no " + END + " line");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new EvidenceInputException("the public key file is not PEM");
    }
  }

  /** PEM text of a DER public key, as {@code aws kms get-public-key} users write it. */
  static String pem(byte[] der) {
    return BEGIN
        + "\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n"
        + END
        + "\n";
  }
}
