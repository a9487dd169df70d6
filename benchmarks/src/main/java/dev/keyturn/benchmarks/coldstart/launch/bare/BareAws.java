package dev.keyturn.benchmarks.coldstart.launch.bare;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What a hand-written function sets up: SDK clients configured as keyturn's (URL-connection HTTP
 * client, the same timeouts), and the state table's key and audit item shapes, written inline.
 */
final class BareAws {

  static final String INVENTORY = "INVENTORY";

  final DynamoDbClient dynamoDb;
  final SecretsManagerClient secretsManager;
  final String table = System.getenv("KEYTURN_TABLE");
  private final ClientOverrideConfiguration timeouts;
  private StsClient sts;

  BareAws() {
    timeouts =
        ClientOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(20))
            .apiCallAttemptTimeout(Duration.ofSeconds(5))
            .build();
    dynamoDb =
        DynamoDbClient.builder().httpClientBuilder(http()).overrideConfiguration(timeouts).build();
    secretsManager =
        SecretsManagerClient.builder()
            .httpClientBuilder(http())
            .overrideConfiguration(timeouts)
            .build();
  }

  /** STS, for the audit's actor: built on first use, as keyturn's (only sync asks who it is). */
  StsClient sts() {
    if (sts == null) {
      sts = StsClient.builder().httpClientBuilder(http()).overrideConfiguration(timeouts).build();
    }
    return sts;
  }

  private static UrlConnectionHttpClient.Builder http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(3))
        .socketTimeout(Duration.ofSeconds(5));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("pk", s(pk));
    key.put("sk", s(sk));
    return key;
  }

  /** The inventory item with sort key {@code sk}, or null. */
  Map<String, AttributeValue> inventoryItem(String sk) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(table).key(key(INVENTORY, sk)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** One audit item, as keyturn's audit log writes it. */
  void audit(
      Instant at,
      String actor,
      String action,
      String subject,
      String outcome,
      java.util.List<String> versions,
      Map<String, String> detail) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            key(
                "AUDIT#" + at.atOffset(ZoneOffset.UTC).toLocalDate(),
                at + "#" + UUID.randomUUID()));
    item.put("at", s(at.toString()));
    item.put("actor", s(actor));
    item.put("action", s(action));
    item.put("subject", s(subject));
    item.put("outcome", s(outcome));
    if (!versions.isEmpty()) {
      item.put("versionIds", AttributeValue.fromL(versions.stream().map(BareAws::s).toList()));
    }
    Map<String, AttributeValue> details = new HashMap<>();
    detail.forEach((k, v) -> details.put(k, s(v)));
    item.put("detail", AttributeValue.fromM(details));
    item.put(
        "expiresAt",
        AttributeValue.fromN(Long.toString(at.plus(Duration.ofDays(400)).getEpochSecond())));
    dynamoDb.putItem(b -> b.tableName(table).item(item));
  }

  /** Emits one CloudWatch EMF line, as keyturn's metrics do. */
  static void metric(String functionName, String json) {
    System.out.println(
        "{\"_aws\":{\"Timestamp\":"
            + System.currentTimeMillis()
            + ",\"CloudWatchMetrics\":[{\"Namespace\":\"keyturn\",\"Dimensions\":[[\"FunctionName\"]],"
            + "\"Metrics\":"
            + json
            + "}]},\"FunctionName\":\""
            + functionName
            + "\"}");
  }
}
