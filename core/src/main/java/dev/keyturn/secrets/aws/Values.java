package dev.keyturn.secrets.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares secret values without an early exit, so timing says nothing about where they differ. */
final class Values {

  private Values() {}

  static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
