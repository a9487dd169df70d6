package dev.keyturn.snapstart;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** Primer beans for SnapStartHooksTest only (property {@code snapstart-test.primers}). */
final class TestPrimers {

  private TestPrimers() {}

  @Singleton
  @Requires(property = "snapstart-test.primers", value = "true")
  static class Counting implements Primer {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public void prime() {
      calls.incrementAndGet();
    }
  }

  @Singleton
  @Requires(property = "snapstart-test.primers", value = "true")
  static class Failing implements Primer {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public void prime() {
      throw new IllegalStateException("AccessDenied for arn:aws:iam::123456789012:role/x");
    }
  }
}
