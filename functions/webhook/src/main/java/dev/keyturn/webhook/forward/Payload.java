package dev.keyturn.webhook.forward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A verified body in the form it is forwarded: JSON as JSON (its exact text, never re-serialised),
 * other UTF-8 text as a string, anything else as base64.
 *
 * @param format how {@code text} is to be read
 * @param text the JSON text, the plain text, or the base64 of the bytes
 */
public record Payload(Format format, String text) {

  /** How the body travels in the event. */
  public enum Format {
    JSON,
    TEXT,
    BASE64;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final JsonFactory STRICT_JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  public static Payload of(byte[] body) {
    String text = utf8(body);
    if (text == null) {
      return new Payload(Format.BASE64, Base64.getEncoder().encodeToString(body));
    }
    return new Payload(isJson(text) ? Format.JSON : Format.TEXT, text);
  }

  public boolean isJson() {
    return format == Format.JSON;
  }

  /** The text when the bytes are valid UTF-8, else null. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  /**
   * One complete, standard JSON value with nothing after it, no duplicate keys (which readers would
   * resolve differently) and within Jackson's default nesting and length limits. A byte-order mark
   * is refused too, since the text is embedded as is.
   */
  static boolean isJson(String text) {
    if (text.isBlank() || text.charAt(0) == '\uFEFF') {
      return false;
    }
    try (JsonParser parser = STRICT_JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException | RuntimeException notJson) {
      return false;
    }
  }

  /** Format and length only: bodies stay out of logs. */
  @Override
  public String toString() {
    return "Payload[" + format.label() + ", " + text.length() + " chars]";
  }
}
