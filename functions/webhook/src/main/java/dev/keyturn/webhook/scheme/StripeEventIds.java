package dev.keyturn.webhook.scheme;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The event id of a verified Stripe delivery. Stripe signs no delivery id but every event body is a
 * JSON object whose top-level {@code "id"} ({@code evt_...}, its first field) names the event, and
 * Stripe tells receivers to deduplicate on it: a retry of the same event has a new {@code t} and
 * new signatures but the same body and id.
 */
final class StripeEventIds {

  static final String REPLAY_KEY_PREFIX = "stripe-event:";

  /** Parse errors never carry the body: the source is left out of their locations. */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private static final byte[] PLAIN_ID_OPENING = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);

  private StripeEventIds() {}

  /**
   * {@code stripe-event:<id>} when the body is a JSON object whose first top-level {@code id} is a
   * well-formed ({@link DeliveryIds#isWellFormed}) string, else null. Reads top-level fields only,
   * skipping nested values, and stops at the first top-level {@code id}. Call it only on a body
   * whose signature matched.
   */
  static String replayKey(byte[] body) {
    String id = eventId(body);
    return id == null ? null : REPLAY_KEY_PREFIX + id;
  }

  private static String eventId(byte[] body) {
    if (body == null || !startsAnObject(body)) {
      return null; // not a JSON object: spares the parser's exception, which costs microseconds
    }
    String leading = leadingPlainId(body);
    return leading != null ? leading : parsedEventId(body);
  }

  /**
   * The id of a body that opens exactly as Stripe's events do, {@code {"id":"}, when its string
   * closes within {@link DeliveryIds#MAX_LENGTH} characters that a well-formed id allows and that
   * JSON takes literally (no escape); else null, and the parser decides. The parser reads the same
   * id from such a body (it stops at the first top-level id, reading nothing after it), and
   * creating a parser costs more than the MAC's last blocks: {@code StripeEventIdsTest} checks
   * both ways agree on generated bodies.
   */
  static String leadingPlainId(byte[] body) {
    int from = PLAIN_ID_OPENING.length;
    if (body.length <= from || !Arrays.equals(body, 0, from, PLAIN_ID_OPENING, 0, from)) {
      return null;
    }
    int limit = Math.min(body.length, from + DeliveryIds.MAX_LENGTH + 1);
    for (int i = from; i < limit; i++) {
      byte b = body[i];
      if (b == '"') {
        return i == from ? null : new String(body, from, i - from, StandardCharsets.US_ASCII);
      }
      if (b <= ' ' || b > '~' || b == '\\') {
        return null; // bytes of non-ASCII characters are negative, so they stop here too
      }
    }
    return null;
  }

  /** The first top-level {@code id} as Jackson's streaming parser reads it, or null. */
  static String parsedEventId(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isId = "id".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (isId) {
          String id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          return DeliveryIds.isWellFormed(id) ? id : null;
        }
        parser.skipChildren();
      }
      return null; // no top-level id before the object ended
    } catch (IOException | RuntimeException notAnEvent) {
      return null; // not JSON (or cut short before an id): the content digest keys it instead
    }
  }

  /**
   * Whether the first byte after JSON whitespace is an object's '{'. Not a parser: only a filter
   * that lets every other body (most non-JSON ones) skip the parser, whose errors are exceptions.
   */
  private static boolean startsAnObject(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }
}
