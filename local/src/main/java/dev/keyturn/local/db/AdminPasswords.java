package dev.keyturn.local.db;

import java.security.SecureRandom;

/**
 * Passwords of the servers' administrators: random, recognisable ({@code kt-db-admin-...}) and long
 * enough for the tests' leak guard, which registers them (testing's {@code DatabaseServers}).
 */
final class AdminPasswords {

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminPasswords() {}

  static String generate(String server) {
    StringBuilder out = new StringBuilder("kt-db-admin-").append(server).append('-');
    for (int i = 0; i < 24; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
