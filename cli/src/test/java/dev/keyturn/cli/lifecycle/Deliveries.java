package dev.keyturn.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.webhook.scheme.Schemes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deliveries of one webhook source, each with a unique body, signed the way its provider signs them
 * and sent to the webhook jar as Function URL event JSON. Remembers the ones accepted.
 */
final class Deliveries {

  private final Jars jars;
  private final String source;
  private final String scheme;
  private final List<String> accepted = new ArrayList<>();

  Deliveries(Jars jars, String source, String scheme) {
    this.jars = jars;
    this.source = source;
    this.scheme = scheme;
  }

  /**
   * Sends a delivery signed with {@code secret} and expects {@code status}.
   *
   * @return the delivery's id, which its body carries
   */
  String expect(String secret, int status) {
    String id = UUID.randomUUID().toString();
    byte[] body = ("{\"delivery\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> response = jars.webhook(signed(secret, body, id));
    assertThat(response.get("statusCode")).as("delivery " + id).isEqualTo(status);
    if (status == 202) {
      accepted.add(id);
    }
    return id;
  }

  /** The ids of the deliveries accepted so far. */
  List<String> accepted() {
    return List.copyOf(accepted);
  }

  private ObjectNode signed(String secret, byte[] body, String id) {
    Map<String, String> signature =
        Schemes.signer(scheme, Map.of()).sign(secret, body, Instant.now(), id);
    ObjectNode event = Jars.event("function-url-post.json");
    ObjectNode headers = (ObjectNode) event.get("headers");
    headers.remove(List.of("webhook-id", "webhook-timestamp", "webhook-signature", "user-agent"));
    signature.forEach(headers::put);
    String path = "/webhooks/" + source;
    event.put("rawPath", path);
    ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
    event.put("body", new String(body, StandardCharsets.UTF_8));
    event.put("isBase64Encoded", false);
    return event;
  }
}
