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
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * A {@code SecretRotated} sync of one secret's Heroku sinks, written by hand: the same AWS calls as
 * keyturn's SyncHandler (inventory query, the entry by name and by ARN, the app's fenced lease
 * taken by a conditional update, one BatchGetSecretValue, the token, the recorded vars, the lease
 * renewed before the PATCH, the state write, the caller's identity and the audit item, the lease
 * release, then the release confirmed), the same three Heroku calls (config vars, PATCH, the newest
 * release, read back as keyturn's sync does since it polls releases), the same log lines and metric
 * line, with direct SDK and JDK HttpClient calls and no framework. One secret per event, apps one
 * by one, no drift or rename handling: it exists to be timed.
 */
public final class BareSyncHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger LOG = LoggerFactory.getLogger(BareSyncHandler.class);
  private static final String FUNCTION =
      System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "keyturn-sync");

  private final BareAws aws = new BareAws();
  private final BareLeases leases = new BareLeases(aws);
  private final ObjectMapper json = new ObjectMapper();
  private final BareHeroku heroku = new BareHeroku(json);
  private final String tokenSecret = System.getenv("HEROKU_API_TOKEN_SECRET");
  private String actor;

  /** One Heroku sink of the secret. */
  private record Sink(String app, String var, String sourceId) {}

  /** A release a PATCH made, to confirm once the lease is given back. */
  private record Made(String app, JsonNode release) {}

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Map<?, ?> detail = (Map<?, ?>) event.get("detail");
    String name = (String) detail.get("secretName");
    String arn = (String) detail.get("secretArn");
    List<JsonNode> entries = inventory();
    String matched = resolve(name, arn);
    List<Sink> sinks = sinksOf(entries, matched);
    List<Map<String, Object>> apps = new ArrayList<>();
    List<Made> releases = new ArrayList<>();
    long changed = 0;
    for (Sink sink : sinks) {
      BareLeases.Lease lease = leases.take(sink.app(), FUNCTION + "/" + UUID.randomUUID());
      try {
        Made made = syncApp(sink, matched, lease);
        changed += made != null ? 1 : 0;
        if (made != null) {
          releases.add(made);
        }
        apps.add(Map.of("app", sink.app(), "outcome", made != null ? "patched" : "unchanged"));
      } finally {
        leases.release(lease);
      }
    }
    releases.forEach(this::confirm);
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

  private Made syncApp(Sink sink, String secretName, BareLeases.Lease lease) {
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
      return null;
    }
    leases.renew(lease);
    heroku.patch(token, sink.app(), Map.of(sink.var(), value.secretString()));
    // as keyturn's sync function, which polls releases: the release the PATCH made is read back
    JsonNode release = heroku.latestRelease(token, sink.app());
    record(sink, secretName, value.versionId(), release);
    LOG.info(
        "sync target={} applied set=[{}] removed=[] drift=[] consumer=release v{} {}",
        sink.app(),
        sink.var(),
        release.path("version").asInt(),
        release.path("status").asText());
    return new Made(sink.app(), release);
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

  /** A succeeded release confirms the vars recorded with it (read first, as keyturn does). */
  private void confirm(Made made) {
    JsonNode release = made.release();
    if (!"succeeded".equals(release.path("status").asText())) {
      return;
    }
    String releaseId = release.path("id").asText();
    List<Map<String, AttributeValue>> vars = varItems(made.app());
    for (Map<String, AttributeValue> var : vars) {
      if (var.containsKey("releaseId") && releaseId.equals(var.get("releaseId").s())) {
        aws.dynamoDb.updateItem(b ->
            b.tableName(aws.table)
                .key(BareAws.key("SINK#heroku#" + made.app(), var.get("sk").s()))
                .updateExpression("SET #c = :at")
                .conditionExpression(
                    "#r = :release AND attribute_not_exists(#c) AND attribute_not_exists(#f)")
                .expressionAttributeNames(
                    Map.of("#r", "releaseId", "#c", "confirmedAt", "#f", "releaseFailedAt"))
                .expressionAttributeValues(
                    Map.of(
                        ":release", BareAws.s(releaseId),
                        ":at", BareAws.s(Instant.now().toString())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      }
    }
    LOG.info(
        "sync target={} release v{} succeeded: confirmed",
        made.app(),
        release.path("version").asInt());
  }

  private List<Map<String, AttributeValue>> varItems(String app) {
    return aws.dynamoDb
        .query(b ->
            b.tableName(aws.table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", BareAws.s("SINK#heroku#" + app),
                        ":prefix", BareAws.s("VAR#")))
                .consistentRead(true))
        .items();
  }

  private void record(Sink sink, String secretName, String version, JsonNode release) {
    Instant now = Instant.now();
    Map<String, AttributeValue> item =
        new HashMap<>(BareAws.key("SINK#heroku#" + sink.app(), "VAR#" + sink.var()));
    item.put("secretName", BareAws.s(secretName));
    item.put("sourceVersion", BareAws.s(version));
    item.put("syncedAt", BareAws.s(now.toString()));
    item.put("releaseId", BareAws.s(release.path("id").asText()));
    item.put("releaseVersion", BareAws.n(release.path("version").asLong()));
    aws.dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(aws.table, List.of(put(item)))));
    aws.audit(
        now,
        actor(),
        "sync.patch",
        sink.app(),
        "ok",
        List.of(version),
        Map.of(
            "keys",
            sink.var(),
            "removed",
            "",
            "trigger",
            "secret-rotated",
            "releaseId",
            release.path("id").asText(),
            "releaseVersion",
            release.path("version").asText(),
            "actorHint",
            FUNCTION,
            "consumer",
            "release v" + release.path("version").asText()));
  }

  /** The audit's actor is the caller's ARN, asked once per container, as keyturn's audit log. */
  private String actor() {
    if (actor == null) {
      actor = aws.sts().getCallerIdentity().arn();
    }
    return actor;
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
