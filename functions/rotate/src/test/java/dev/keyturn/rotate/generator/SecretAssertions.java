package dev.keyturn.rotate.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Assertions about secret values that never print the values themselves. */
public final class SecretAssertions {

  private SecretAssertions() {}

  /** The throwable's messages, causes and suppressed exceptions do not contain {@code value}. */
  public static void assertDoesNotMention(Throwable thrown, String value) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString().contains(value))
        .as("%s's stack trace mentions the secret value", thrown.getClass().getSimpleName())
        .isFalse();
  }

  public static void assertSameSecret(String actual, String expected, String what) {
    assertThat(actual != null && actual.equals(expected)).as("%s is unchanged", what).isTrue();
  }

  public static void assertDifferentSecret(String actual, String previous, String what) {
    assertThat(actual != null && !actual.equals(previous)).as("%s has changed", what).isTrue();
  }
}
