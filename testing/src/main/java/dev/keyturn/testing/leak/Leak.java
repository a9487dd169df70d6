package dev.keyturn.testing.leak;

/**
 * Where a seeded secret value was found and in which form ("raw", "base64", ...). Never carries the
 * value itself.
 */
public record Leak(String location, String form) {

  @Override
  public String toString() {
    return location + " [" + form + "]";
  }
}
