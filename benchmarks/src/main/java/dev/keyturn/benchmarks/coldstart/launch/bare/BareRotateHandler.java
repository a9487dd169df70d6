package dev.keyturn.benchmarks.coldstart.launch.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The createSecret step of an {@code hmac-key} rotation, written by hand: the same AWS calls as
 * keyturn's RotateHandler (inventory lookup and entry, DescribeSecret and the template's guards,
 * the pending check, the current value, PutSecretValue, the ROTATION item, the audit item) and the
 * same log line, with direct SDK calls and no framework. Other steps and generators are out of
 * scope: this exists to be timed.
 */
public final class BareRotateHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(BareRotateHandler.class);

  private final BareAws aws = new BareAws();
  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String step = (String) event.get("Step");
    String secretId = (String) event.get("SecretId");
    String token = (String) event.get("ClientRequestToken");
    if (!"createSecret".equals(step)) {
      throw new IllegalArgumentException("the bare handler only runs createSecret");
    }
    String name = inventoryName(secretId);
    JsonNode entry = readEntry(name);
    webhookSources(); // keyturn's refusal guard: does the secret sign a webhook without a sender
    // API?
    DescribeSecretResponse secret = aws.secretsManager.describeSecret(b -> b.secretId(secretId));
    Map<String, List<String>> versions = secret.versionIdsToStages();
    if (!Boolean.TRUE.equals(secret.rotationEnabled()) || !versions.containsKey(token)) {
      throw new IllegalStateException("rotation not enabled or token unknown");
    }
    if (!versions.get(token).contains("AWSPENDING")) {
      throw new IllegalStateException("token is not pending");
    }
    String current =
        versions.entrySet().stream()
            .filter(e -> e.getValue().contains("AWSCURRENT"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    String outcome = create(secretId, token, current);
    record(name, secret.arn(), entry.path("generator").path("type").asText(), token, outcome);
    LOG.info("rotation createSecret of {} version {}: {}", name, token, outcome);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("step", step);
    result.put("secretName", name);
    result.put("versionId", token);
    result.put("outcome", outcome);
    return result;
  }

  private String create(String secretId, String token, String current) {
    try {
      aws.secretsManager.getSecretValue(
          b -> b.secretId(secretId).versionId(token).versionStage("AWSPENDING"));
      return "already-created";
    } catch (ResourceNotFoundException noValueYet) {
      // the usual case: Secrets Manager made the version without a value
    }
    aws.secretsManager
        .getSecretValue(b -> b.secretId(secretId).versionId(current).versionStage("AWSCURRENT"))
        .secretString(); // what keyturn hands its generator; hmac-key does not use it
    byte[] key = new byte[32];
    random.nextBytes(key);
    String value = "whsec_" + Base64.getEncoder().encodeToString(key);
    aws.secretsManager.putSecretValue(b ->
        b.secretId(secretId)
            .clientRequestToken(token)
            .secretString(value)
            .versionStages("AWSPENDING"));
    return "created";
  }

  private String inventoryName(String secretId) {
    String tail = secretId.substring(secretId.indexOf(":secret:") + ":secret:".length());
    String secretName = tail.substring(0, tail.lastIndexOf('-'));
    Map<String, AttributeValue> lookup = aws.inventoryItem("LOOKUP#" + secretName);
    if (lookup == null) {
      throw new IllegalStateException("not in the inventory");
    }
    return lookup.get("name").s();
  }

  /** The inventory's webhook sources, as keyturn's refusal guard reads them (one Query). */
  private int webhookSources() {
    int sources = 0;
    for (Map<String, AttributeValue> ignored :
        aws.dynamoDb
            .queryPaginator(b ->
                b.tableName(aws.table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(
                        Map.of(":pk", BareAws.s("INVENTORY"), ":prefix", BareAws.s("WEBHOOK#")))
                    .consistentRead(true))
            .items()) {
      sources++;
    }
    return sources;
  }

  private JsonNode readEntry(String name) {
    try {
      return json.readTree(aws.inventoryItem("SECRET#" + name).get("entry").s());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("inventory entry is not JSON", e);
    }
  }

  private void record(String name, String arn, String generator, String token, String outcome) {
    Instant now = Instant.now();
    Map<String, String> names = new HashMap<>();
    names.put("#step", "step");
    names.put("#status", "status");
    names.put("#started", "startedAt");
    names.put("#updated", "updatedAt");
    names.put("#error", "error");
    names.put("#stepAt", "at_createSecret");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":step", BareAws.s("createSecret"));
    values.put(":status", BareAws.s("ok"));
    values.put(":at", BareAws.s(now.toString()));
    aws.dynamoDb.updateItem(b ->
        b.tableName(aws.table)
            .key(BareAws.key("SECRET#" + name, "ROTATION#" + token))
            .updateExpression(
                "SET #step = :step, #status = :status, #updated = :at, "
                    + "#started = if_not_exists(#started, :at), #stepAt = :at REMOVE #error")
            .expressionAttributeNames(names)
            .expressionAttributeValues(values));
    aws.audit(
        now,
        // the audit's actor is the caller's ARN, asked once per container, as keyturn's audit log
        aws.sts().getCallerIdentity().arn(),
        "rotation.createSecret",
        name,
        outcome,
        List.of(token),
        Map.of("secretArn", arn, "generator", generator));
  }
}
