package dev.keyturn.local.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored (hashed) password forms the test servers accept in place of a password, so a test that
 * creates a user never sends a password in a statement a server logs. PostgreSQL's SCRAM verifier
 * comes from the JDBC driver ({@code PGConnection.alterUserPassword}); these are the other two,
 * from the JDK's digests.
 */
public final class PasswordVerifiers {

  private PasswordVerifiers() {}

  /**
   * MariaDB/MySQL {@code mysql_native_password}: {@code *} and the upper-case hex of
   * SHA1(SHA1(password)), as {@code IDENTIFIED BY PASSWORD '*...'} takes it.
   */
  public static String mysqlNative(String password) {
    byte[] once = digest("SHA-1", password.getBytes(StandardCharsets.UTF_8));
    return "*" + HexFormat.of().withUpperCase().formatHex(digest("SHA-1", once));
  }

  /** Redis ACL: the lower-case hex SHA-256 of the password, as {@code #<hash>} takes it. */
  public static String redisSha256(String password) {
    return HexFormat.of().formatHex(digest("SHA-256", password.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] digest(String algorithm, byte[] input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }
}
