package dev.keyturn.webhook.scheme;

import java.security.MessageDigest;
import java.util.Arrays;

/** The decoded signature values one request carries for one signing method. */
final class ExpectedSignatures {

  /** More entries than any provider sends during a rotation; more is an attempt to burn CPU. */
  static final int MAX_ENTRIES = 16;

  private byte[][] values = new byte[1][];
  private int count;

  void add(byte[] value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  byte[] get(int index) {
    return values[index];
  }

  /** Whether {@code actual} equals any entry; each comparison is constant-time and all run. */
  boolean contains(byte[] actual) {
    boolean found = false;
    for (int i = 0; i < count; i++) {
      found |= MessageDigest.isEqual(values[i], actual);
    }
    return found;
  }
}
