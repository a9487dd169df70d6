package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The event id's shortcut for bodies that open as Stripe's events do gives exactly what the
 * streaming parser reads, and leaves every other body to the parser.
 */
class StripeEventIdsTest {

  private static final int TRIES = 20_000;

  /** Characters an id may hold, and ones that must send the body to the parser. */
  private static final String[] PIECES = {
    "e", "v", "t", "_", "1", "Z", "-", ".", "~", "/", ":", "{", "}", ",", "'", " ", "\t", "\"",
    "\\", "\\\"", "\\u0041", "\\n", "é", "€", "\u0001", "\u007f"
  };

  private static final String[] TAILS = {
    "\"}", "\",\"object\":\"event\"}", "\"", "", "\"garbage", "\",", "\"}}", "\" }"
  };

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String generatedBody(SplittableRandom random) {
    StringBuilder body = new StringBuilder("{\"id\":\"");
    int pieces = random.nextInt(8) == 0 ? 250 + random.nextInt(20) : random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      // mostly id characters, so many bodies take the shortcut
      body.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : "a");
    }
    return body.append(TAILS[random.nextInt(TAILS.length)]).toString();
  }

  @Test
  void leadingPlainId_agreesWithTheParser_wheneverItAnswers() {
    AtomicInteger shortcut = new AtomicInteger();
    AtomicInteger parsed = new AtomicInteger();
    PropertyCheck.forAll(
        "leading id shortcut agrees with the parser",
        TRIES,
        random -> {
          byte[] body = utf8(generatedBody(random));

          String leading = StripeEventIds.leadingPlainId(body);
          String fromParser = StripeEventIds.parsedEventId(body);

          if (leading != null) {
            shortcut.incrementAndGet();
            assertThat(leading).isEqualTo(fromParser);
          } else if (fromParser != null) {
            parsed.incrementAndGet();
          }
          String expectedKey = fromParser == null ? null : "stripe-event:" + fromParser;
          assertThat(StripeEventIds.replayKey(body)).isEqualTo(expectedKey);
        });
    // both ways were exercised, or the property proves little
    assertThat(shortcut.get()).isGreaterThan(TRIES / 10);
    assertThat(parsed.get()).isGreaterThan(TRIES / 100);
  }

  @Test
  void leadingPlainId_readsAStripeEventsOpeningId() {
    byte[] body = utf8("{\"id\":\"evt_1QdRsT2eZvKYlo2C8mNpXq7A\",\"object\":\"event\"}");

    assertThat(StripeEventIds.leadingPlainId(body)).isEqualTo("evt_1QdRsT2eZvKYlo2C8mNpXq7A");
  }

  @Test
  void leadingPlainId_leavesEscapesSpacesAndOtherOpeningsToTheParser() {
    for (String body :
        new String[] {
          "{\"id\":\"evt\\\"1\"}",
          "{\"id\":\"evt\\u0031\"}",
          "{ \"id\":\"evt_1\"}",
          "{\"id\" : \"evt_1\"}",
          "{\"object\":\"event\",\"id\":\"evt_1\"}",
          "{\"id\":\"\"}",
          "{\"id\":\"evt 1\"}",
          "{\"id\":\"évt\"}",
          "{\"id\":\"" + "x".repeat(DeliveryIds.MAX_LENGTH + 1) + "\"}",
          "{\"id\":\"evt_1"
        }) {
      assertThat(StripeEventIds.leadingPlainId(utf8(body))).as(body).isNull();
    }
  }

  @Test
  void replayKey_stillReadsEscapedIds_throughTheParser() {
    assertThat(StripeEventIds.replayKey(utf8("{\"id\":\"evt\\u0031\"}")))
        .isEqualTo("stripe-event:evt1");
    assertThat(StripeEventIds.replayKey(utf8("{ \"id\" : \"evt_2\" }")))
        .isEqualTo("stripe-event:evt_2");
  }

  @Test
  void leadingPlainId_acceptsAnIdOfTheMaximumLength() {
    String id = "x".repeat(DeliveryIds.MAX_LENGTH);

    assertThat(StripeEventIds.leadingPlainId(utf8("{\"id\":\"" + id + "\"}"))).isEqualTo(id);
  }
}
