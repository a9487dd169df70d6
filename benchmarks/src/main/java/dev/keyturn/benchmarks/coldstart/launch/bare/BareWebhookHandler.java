package dev.keyturn.benchmarks.coldstart.launch.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A Standard Webhooks delivery through a Function URL, written by hand: the same AWS calls as
 * keyturn's WebhookHandler (the inventory's webhook sources and the source's secret entry, the
 * secret's live versions, the replay guard's conditional put, PutEvents), the same checks (route,
 * timestamp tolerance, HMAC-SHA256 over id.timestamp.body against every live version) and the same
 * log line, with direct SDK calls and no framework. One scheme, no caching across invocations, no
 * rejection paths beyond a 401: it exists to be timed.
 */
public final class BareWebhookHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(BareWebhookHandler.class);
  private static final long TOLERANCE_SECONDS = 300;

  /** How long a claim stays pending (keyturn's claim TTL in the harness's setting). */
  private static final long PENDING_SECONDS = 10;

  private final BareAws aws = new BareAws();
  private final EventBridgeClient eventBridge =
      EventBridgeClient.builder()
          .httpClientBuilder(
              UrlConnectionHttpClient.builder()
                  .connectionTimeout(Duration.ofSeconds(3))
                  .socketTimeout(Duration.ofSeconds(5)))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final String bus = System.getenv().getOrDefault("KEYTURN_EVENT_BUS", "keyturn");

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String source = event.getRawPath().substring("/webhooks/".length());
    String secretId = secretIdOf(source);
    Map<String, String> headers = event.getHeaders();
    String id = headers.get("webhook-id");
    long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
    Instant now = Instant.now();
    String signer =
        Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE_SECONDS
            ? null
            : signer(secretId, id + "." + timestamp + "." + event.getBody(), headers);
    if (signer == null) {
      return answer(401, "{\"error\":\"rejected\"}");
    }
    String claimant = claim(source, "id:" + id, now);
    String detail =
        "{\"deliveryId\":\""
            + id
            + "\",\"replayKey\":\"id:"
            + id
            + "\",\"bodyFormat\":\"json\",\"body\":"
            + event.getBody()
            + "}";
    eventBridge.putEvents(b ->
        b.entries(
            e -> e.eventBusName(bus).source("keyturn.webhook").detailType(source).detail(detail)));
    done(source, "id:" + id, claimant);
    sighting(source, signer, now);
    LOG.info("webhook accepted source={} deliveryId={}", source, id);
    return answer(202, "{\"accepted\":\"" + id + "\"}");
  }

  /** The Secrets Manager id of the source's secret, from the inventory as keyturn reads it. */
  private String secretIdOf(String source) {
    JsonNode webhook = null;
    for (Map<String, AttributeValue> item :
        aws.dynamoDb
            .queryPaginator(b ->
                b.tableName(aws.table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(
                        Map.of(":pk", BareAws.s("INVENTORY"), ":prefix", BareAws.s("WEBHOOK#")))
                    .consistentRead(true))
            .items()) {
      JsonNode entry = parse(item.get("entry").s());
      if (entry.path("source").asText().equals(source)) {
        webhook = entry;
      }
    }
    if (webhook == null) {
      throw new IllegalStateException("unknown source");
    }
    JsonNode secret =
        parse(aws.inventoryItem("SECRET#" + webhook.path("secret").asText()).get("entry").s());
    return secret.path("source").path("secretsManager").asText();
  }

  /** The version whose value signed the content, or null: keyturn's verification answer. */
  private String signer(String secretId, String signedContent, Map<String, String> headers) {
    Map<String, List<String>> stages =
        aws.secretsManager.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
    byte[] presented =
        Base64.getDecoder().decode(headers.get("webhook-signature").substring("v1,".length()));
    String match = null;
    for (String stage : List.of("AWSCURRENT", "AWSPENDING", "AWSPREVIOUS")) {
      for (Map.Entry<String, List<String>> version : stages.entrySet()) {
        if (version.getValue().contains(stage)) {
          String value =
              aws.secretsManager
                  .getSecretValue(
                      b -> b.secretId(secretId).versionId(version.getKey()).versionStage(stage))
                  .secretString();
          if (match == null && MessageDigest.isEqual(presented, mac(value, signedContent))) {
            match = version.getKey();
          }
        }
      }
    }
    return match;
  }

  private static byte[] mac(String whsec, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Claims the delivery as keyturn's replay guard does since the claim became two-phase: pending
   * under this invocation's claimant (for a short while), done once the event is forwarded.
   */
  private String claim(String source, String key, Instant now) {
    String claimant = UUID.randomUUID().toString();
    Map<String, AttributeValue> item =
        new HashMap<>(BareAws.key("WEBHOOK#" + source, "MSG#" + key));
    item.put("seenAt", BareAws.s(now.toString()));
    item.put("state", BareAws.s("pending"));
    item.put("claimant", BareAws.s(claimant));
    item.put("pendingUntil", BareAws.n(now.plusSeconds(PENDING_SECONDS).toEpochMilli()));
    item.put("expiresAt", BareAws.n(now.plusSeconds(PENDING_SECONDS).getEpochSecond()));
    aws.dynamoDb.putItem(b ->
        b.tableName(aws.table)
            .item(item)
            .conditionExpression(
                "attribute_not_exists(pk) OR #exp < :nowSeconds"
                    + " OR (#claimant = :me AND #state = :pending)")
            .expressionAttributeNames(
                Map.of("#exp", "expiresAt", "#claimant", "claimant", "#state", "state"))
            .expressionAttributeValues(
                Map.of(
                    ":nowSeconds", BareAws.n(now.getEpochSecond()),
                    ":me", BareAws.s(claimant),
                    ":pending", BareAws.s("pending")))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    return claimant;
  }

  /**
   * Records which version the sender signed with, as keyturn's sighting recorder does on a
   * container's first delivery of a version: one conditional UpdateItem.
   */
  private void sighting(String source, String versionId, Instant at) {
    try {
      aws.dynamoDb.updateItem(b ->
          b.tableName(aws.table)
              .key(BareAws.key("WEBHOOK#" + source, "SIGHTING"))
              .updateExpression("SET #v = :v, #at = :at, #ms = :ms")
              .conditionExpression("attribute_not_exists(#ms) OR #ms <= :ms")
              .expressionAttributeNames(
                  Map.of("#v", "versionId", "#at", "seenAt", "#ms", "seenAtMs"))
              .expressionAttributeValues(
                  Map.of(
                      ":v", BareAws.s(versionId),
                      ":at", BareAws.s(at.toString()),
                      ":ms", BareAws.n(at.toEpochMilli()))));
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException later) {
      // a later sighting is recorded already
    }
  }

  private void done(String source, String key, String claimant) {
    Instant now = Instant.now();
    aws.dynamoDb.updateItem(b ->
        b.tableName(aws.table)
            .key(BareAws.key("WEBHOOK#" + source, "MSG#" + key))
            .updateExpression("SET #state = :done, #doneAt = :now, #exp = :exp")
            .conditionExpression("#claimant = :me")
            .expressionAttributeNames(
                Map.of(
                    "#state", "state",
                    "#doneAt", "doneAt",
                    "#exp", "expiresAt",
                    "#claimant", "claimant"))
            .expressionAttributeValues(
                Map.of(
                    ":done", BareAws.s("done"),
                    ":now", BareAws.s(now.toString()),
                    ":exp", BareAws.n(now.plusSeconds(2 * TOLERANCE_SECONDS).getEpochSecond()),
                    ":me", BareAws.s(claimant))));
  }

  private static APIGatewayV2HTTPResponse answer(int status, String body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("inventory entry is not JSON", e);
    }
  }
}
