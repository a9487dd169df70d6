package dev.keyturn.webhook.forward;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The EventBridge event for one verified delivery: source {@code keyturn.webhook}, detail-type the
 * webhook source's name, detail {@code {"deliveryId", "replayKey", "bodyFormat", "body"}} where
 * {@code body} is the JSON body itself, or the body as a string (base64 when not UTF-8).
 */
public record ForwardedEvent(String source, String detailType, String detail) {

  /**
   * What EventBridge accepts per PutEvents entry (256 KiB), counted as it counts: the UTF-8 bytes
   * of source, detail-type and detail (no Time or Resources are sent).
   */
  public static final int MAX_ENTRY_BYTES = 256 * 1024;

  /**
   * @param webhookSource the source name, which becomes the detail-type
   * @param deliveryId the provider's delivery id, or null when it sent none
   * @param replayKey the scheme's replay key (signed id, or the digest of the signed content)
   */
  public static ForwardedEvent of(
      String webhookSource, String deliveryId, String replayKey, Payload payload) {
    return new ForwardedEvent(
        EventPublisher.Types.WEBHOOK_SOURCE, webhookSource, detail(deliveryId, replayKey, payload));
  }

  private static String detail(String deliveryId, String replayKey, Payload payload) {
    StringWriter out = new StringWriter(payload.text().length() + 160);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("deliveryId", deliveryId);
      json.writeStringField("replayKey", replayKey);
      json.writeStringField("bodyFormat", payload.format().label());
      json.writeFieldName("body");
      if (payload.isJson()) {
        json.writeRawValue(payload.text());
      } else {
        json.writeString(payload.text());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event detail", e);
    }
    return out.toString();
  }

  /** The entry's size as EventBridge measures it against {@link #MAX_ENTRY_BYTES}. */
  public long sizeBytes() {
    return utf8Length(source) + utf8Length(detailType) + utf8Length(detail);
  }

  public boolean fitsEventBridge() {
    return sizeBytes() <= MAX_ENTRY_BYTES;
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Names and size only: the detail holds the body. */
  @Override
  public String toString() {
    return "ForwardedEvent[" + source + "/" + detailType + ", " + sizeBytes() + " bytes]";
  }
}
