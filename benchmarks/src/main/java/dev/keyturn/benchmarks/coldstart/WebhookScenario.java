package dev.keyturn.benchmarks.coldstart;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * webhook: a Standard Webhooks delivery to the Function URL ({@code POST /webhooks/coldstart}),
 * validly signed, with a new delivery id each run, so every run verifies, claims the id in the
 * replay guard and forwards to the bus.
 */
final class WebhookScenario implements Scenario {

  static final String SOURCE = "coldstart";
  static final String ENTRY = "WH_COLDSTART";
  static final String SECRET = "keyturn/coldstart/webhook-key";
  static final String BUS = "keyturn";

  private final StateSeeder state;
  private final SecretsManagerClient secretsManager;
  private final EventBridgeClient eventBridge;
  private byte[] key;

  WebhookScenario(
      StateSeeder state, SecretsManagerClient secretsManager, EventBridgeClient eventBridge) {
    this.state = state;
    this.secretsManager = secretsManager;
    this.eventBridge = eventBridge;
  }

  @Override
  public String description() {
    return "webhook: a signed Standard Webhooks delivery, verified and forwarded";
  }

  @Override
  public String templateFunction() {
    return "WebhookFunction";
  }

  @Override
  public String bareHandler() {
    return "dev.keyturn.benchmarks.coldstart.launch.bare.BareWebhookHandler";
  }

  @Override
  public Map<String, String> environment() {
    return Map.of("KEYTURN_EVENT_BUS", BUS, "AWS_LAMBDA_FUNCTION_NAME", "keyturn-webhook");
  }

  @Override
  public void seed() {
    key = new byte[32];
    new SecureRandom().nextBytes(key);
    String whsec = "whsec_" + Base64.getEncoder().encodeToString(key);
    secretsManager.createSecret(b -> b.name(SECRET).secretString(whsec));
    if (eventBridge.listEventBuses(b -> b.namePrefix(BUS)).eventBuses().isEmpty()) {
      eventBridge.createEventBus(b -> b.name(BUS));
    }
    state.add(
        new SecretEntry(
            ENTRY,
            new Source.SecretsManager(SECRET),
            Tags.of("webhook", "high", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            List.of()));
    state.add(new WebhookEntry(SOURCE, "standard-webhooks", ENTRY, null, Map.of()));
  }

  @Override
  public String nextEvent() {
    String id = "msg_" + UUID.randomUUID();
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String body = Json.write(Map.of("type", "invoice.paid", "data", Map.of("invoice", id)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("user-agent", "Svix-Webhooks/1.21.0");
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", timestamp);
    headers.put("webhook-signature", "v1," + sign(id + "." + timestamp + "." + body));
    Map<String, Object> http =
        Map.of(
            "method", "POST",
            "path", "/webhooks/" + SOURCE,
            "protocol", "HTTP/1.1",
            "sourceIp", "203.0.113.10",
            "userAgent", "Svix-Webhooks/1.21.0");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", "/webhooks/" + SOURCE);
    event.put("rawQueryString", "");
    event.put("headers", headers);
    event.put(
        "requestContext",
        Map.of("http", http, "requestId", UUID.randomUUID().toString(), "stage", "$default"));
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return Json.write(event);
  }

  private String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
