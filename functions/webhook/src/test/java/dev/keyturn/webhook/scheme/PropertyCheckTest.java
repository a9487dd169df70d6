package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The harness itself: it runs every try and reports a failing one with a replayable seed. */
class PropertyCheckTest {

  @Test
  void forAll_runsTheCheckOncePerTry() {
    AtomicInteger runs = new AtomicInteger();

    PropertyCheck.forAll("counts", 250, random -> runs.incrementAndGet());

    assertThat(runs).hasValue(250);
  }

  @Test
  void forAll_reportsTheFailingTryAndASeedThatReplaysIt() {
    AtomicInteger firstFailure = new AtomicInteger(-1);
    long[] seed = new long[1];
    assertThatThrownBy(() ->
            PropertyCheck.forAll(
                "fails sometimes",
                10_000,
                random -> {
                  if (random.nextInt(100) == 0) {
                    throw new AssertionError("boom");
                  }
                }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'fails sometimes' failed at try")
        .hasMessageContaining("-Dkeyturn.property.seed=")
        .satisfies(e -> {
          String message = e.getMessage();
          seed[0] = Long.parseLong(message.substring(message.lastIndexOf('=') + 1));
          String tryText = message.substring(message.indexOf("at try ") + 7);
          firstFailure.set(Integer.parseInt(tryText.substring(0, tryText.indexOf(' '))));
        });

    System.setProperty(PropertyCheck.SEED_PROPERTY, Long.toString(seed[0]));
    try {
      assertThatThrownBy(() ->
              PropertyCheck.forAll(
                  "fails sometimes",
                  10_000,
                  random -> {
                    if (random.nextInt(100) == 0) {
                      throw new AssertionError("boom");
                    }
                  }))
          .hasMessageContaining("failed at try " + firstFailure.get() + " ");
    } finally {
      System.clearProperty(PropertyCheck.SEED_PROPERTY);
    }
  }
}
