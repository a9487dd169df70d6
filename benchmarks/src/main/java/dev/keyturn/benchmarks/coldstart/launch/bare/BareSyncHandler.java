package dev.keyturn.benchmarks.coldstart.launch.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * A {@code SecretRotated} sync of one secret's Heroku sinks, written by hand: the same AWS calls as
 * keyturn's SyncHandler (inventory query, the entry by name and by ARN, the app's lease, one
 * BatchGetSecretValue, the token, the recorded vars, the state write, the audit item, the lease
 * release), the same two Heroku calls (config vars, PATCH; the release is not read), the same log
 * line and metric line, with direct SDK and JDK HttpClient calls and no framework. One secret per
 * event, apps one by one, no drift or rename handling: it exists to be timed.
 */
public final class BareSyncHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(BareSyncHandler.class);
  private static final String FUNCTION =
      System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "keyturn-sync");

  private final BareAws aws = new BareAws();
  private final ObjectMapper json = new ObjectMapper();
  private final BareHeroku heroku = new BareHeroku(json);
  private final String tokenSecret = System.getenv("HEROKU_API_TOKEN_SECRET");

  /** One Heroku sink of the secret. */
  private record Sink(String app, String var, String sourceId) {}

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<?, ?> detail = (Map<?, ?>) event.get("detail");
    String name = (String) detail.get("secretName");
    String arn = (String) detail.get("secretArn");
    List<JsonNode> entries = inventory();
    String matched = resolve(name, arn);
    List<Sink> sinks = sinksOf(entries, matched);
    List<Map<String, Object>> apps = new ArrayList<>();
    long changed = 0;
    for (Sink sink : sinks) {
      String owner = FUNCTION + "/" + UUID.randomUUID();
      lease(sink.app(), owner);
      try {
        boolean patched = syncApp(sink, matched);
        changed += patched ? 1 : 0;
        apps.add(Map.of("app", sink.app(), "outcome", patched ? "patched" : "unchanged"));
      } finally {
        release(sink.app(), owner);
      }
    }
    LOG.info("sync (secret-rotated) done: {} apps, 0 incomplete", apps.size());
    BareAws.metric(
        FUNCTION,
        "[{\"Name\":\"VarsChanged\",\"Unit\":\"Count\"},{\"Name\":\"Releases\",\"Unit\":\"Count\"}],"
            + "\"VarsChanged\":"
            + changed
            + ",\"Releases\":"
            + changed);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("trigger", "secret-rotated");
    report.put("dryRun", false);
    report.put("apps", apps);
    return report;
  }

  private boolean syncApp(Sink sink, String secretName) {
    SecretValueEntry value =
        aws.secretsManager
            .batchGetSecretValue(b -> b.secretIdList(sink.sourceId()))
            .secretValues()
            .getFirst();
    String token = aws.secretsManager.getSecretValue(b -> b.secretId(tokenSecret)).secretString();
    JsonNode vars = heroku.configVars(token, sink.app());
    aws.dynamoDb.query(b ->
        b.tableName(aws.table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(
                Map.of(
                    ":pk", BareAws.s("SINK#heroku#" + sink.app()),
                    ":prefix", BareAws.s("VAR#")))
            .consistentRead(true));
    if (value.secretString().equals(vars.path(sink.var()).asText(null))) {
      return false;
    }
    heroku.patch(token, sink.app(), Map.of(sink.var(), value.secretString()));
    // as keyturn's sync function: nobody waits for the release, so it is not read (release-pending
    // until Heroku's api:release event names it)
    record(sink, secretName, value.versionId());
    LOG.info(
        "sync app={} patched set=[{}] removed=[] drift=[] release=pending", sink.app(), sink.var());
    return true;
  }

  private List<JsonNode> inventory() {
    List<JsonNode> entries = new ArrayList<>();
    aws.dynamoDb
        .queryPaginator(b ->
            b.tableName(aws.table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(
                    Map.of(":pk", BareAws.s("INVENTORY"), ":prefix", BareAws.s("SECRET#")))
                .consistentRead(true))
        .items()
        .forEach(item -> entries.add(parse(item.get("entry").s())));
    return entries;
  }

  /** The event names the secret twice (name, ARN); each is looked up, as keyturn does. */
  private String resolve(String name, String arn) {
    String found = aws.inventoryItem("SECRET#" + name) != null ? name : null;
    if (aws.inventoryItem("SECRET#" + arn) == null) {
      String tail = arn.substring(arn.indexOf(":secret:") + ":secret:".length());
      Map<String, AttributeValue> lookup =
          aws.inventoryItem("LOOKUP#" + tail.substring(0, tail.lastIndexOf('-')));
      if (lookup != null && aws.inventoryItem("SECRET#" + lookup.get("name").s()) != null) {
        found = lookup.get("name").s();
      }
    }
    if (found == null) {
      throw new IllegalStateException("not in the inventory");
    }
    return found;
  }

  private static List<Sink> sinksOf(List<JsonNode> entries, String name) {
    List<Sink> sinks = new ArrayList<>();
    for (JsonNode entry : entries) {
      if (entry.path("name").asText().equals(name)) {
        for (JsonNode sink : entry.path("sinks")) {
          JsonNode h = sink.path("heroku");
          if (!h.isMissingNode()) {
            sinks.add(
                new Sink(
                    h.path("app").asText(),
                    h.path("var").asText(),
                    entry.path("source").path("secretsManager").asText()));
          }
        }
      }
    }
    return sinks;
  }

  private void lease(String app, String owner) {
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> item = new HashMap<>(BareAws.key("LEASE#heroku#" + app, "LOCK"));
    item.put("owner", BareAws.s(owner));
    item.put("leaseUntil", AttributeValue.fromN(Long.toString(now + 180_000)));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(now / 1000 + 180 + 3600)));
    aws.dynamoDb.putItem(b ->
        b.tableName(aws.table)
            .item(item)
            .conditionExpression("attribute_not_exists(pk) OR #until < :now")
            .expressionAttributeNames(Map.of("#until", "leaseUntil"))
            .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
  }

  private void release(String app, String owner) {
    aws.dynamoDb.deleteItem(b ->
        b.tableName(aws.table)
            .key(BareAws.key("LEASE#heroku#" + app, "LOCK"))
            .conditionExpression("#owner = :owner")
            .expressionAttributeNames(Map.of("#owner", "owner"))
            .expressionAttributeValues(Map.of(":owner", BareAws.s(owner))));
  }

  private void record(Sink sink, String secretName, String version) {
    Instant now = Instant.now();
    Map<String, AttributeValue> item =
        new HashMap<>(BareAws.key("SINK#heroku#" + sink.app(), "VAR#" + sink.var()));
    item.put("secretName", BareAws.s(secretName));
    item.put("sourceVersion", BareAws.s(version));
    item.put("syncedAt", BareAws.s(now.toString()));
    aws.dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(aws.table, List.of(put(item)))));
    aws.audit(
        now,
        FUNCTION,
        "sync.patch",
        sink.app(),
        "ok",
        List.of(version),
        Map.of(
            "keys", sink.var(),
            "removed", "",
            "trigger", "secret-rotated"));
  }

  private static software.amazon.awssdk.services.dynamodb.model.WriteRequest put(
      Map<String, AttributeValue> item) {
    return software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
        .putRequest(p -> p.item(item))
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
