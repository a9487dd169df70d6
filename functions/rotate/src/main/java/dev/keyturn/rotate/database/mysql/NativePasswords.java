package dev.keyturn.rotate.database.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a {@code mysql_native_password} password: {@code *} and the upper-case hex of
 * SHA1(SHA1(password)), what {@code IDENTIFIED BY PASSWORD} and MariaDB's {@code SET PASSWORD =
 * '*...'} take. The MariaDB driver has no public helper for it; this is the server's documented
 * format on the JDK's SHA-1, not a cipher of ours.
 */
final class NativePasswords {

  private NativePasswords() {}

  static String hash(String password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
      return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from the JDK", e);
    }
  }
}
