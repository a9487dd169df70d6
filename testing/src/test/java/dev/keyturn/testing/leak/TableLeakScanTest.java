package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Deliberately leaked values (not registered, so the real guard ignores them) in table items. */
@WithLocalAws
class TableLeakScanTest {

  private static final String TABLE = LocalAwsExtension.TABLE;

  private final String leaked = "kt-fake-" + UUID.randomUUID();
  private final SecretMatcher matcher = SecretMatcher.of(List.of(leaked));

  @Test
  void scan_findsAValueNestedInAMapInsideAList(DynamoDbClient dynamoDb) {
    AttributeValue nested =
        AttributeValue.fromL(
            List.of(AttributeValue.fromM(Map.of("token", AttributeValue.fromS(leaked)))));
    put(dynamoDb, "SINK#heroku#app", "VAR#API_KEY", Map.of("history", nested));

    assertThat(TableLeakScan.scan(dynamoDb, TABLE, matcher))
        .containsExactly(
            new Leak(
                "table "
                    + TABLE
                    + " item {pk=SINK#heroku#app, sk=VAR#API_KEY} attribute history[0].token",
                "raw"));
    delete(dynamoDb, "SINK#heroku#app", "VAR#API_KEY");
  }

  @Test
  void scan_findsAValueInAKey_andMasksItInTheLocation(DynamoDbClient dynamoDb) {
    put(dynamoDb, "WEBHOOK#" + leaked, "MSG#1", Map.of());

    List<Leak> leaks = TableLeakScan.scan(dynamoDb, TABLE, matcher);

    assertThat(leaks)
        .extracting(Leak::location)
        .containsExactly(
            "table " + TABLE + " item {pk=WEBHOOK#<seeded secret>, sk=MSG#1} attribute pk");
    assertThat(leaks.toString()).doesNotContain(leaked);
    delete(dynamoDb, "WEBHOOK#" + leaked, "MSG#1");
  }

  @Test
  void scan_findsEncodedValuesInBinaryAndSetAttributes(DynamoDbClient dynamoDb) {
    String base64 =
        java.util.Base64.getEncoder().encodeToString(leaked.getBytes(StandardCharsets.UTF_8));
    put(
        dynamoDb,
        "AUDIT#2026-11-22",
        "entry",
        Map.of(
            "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("x" + leaked)),
            "tags", AttributeValue.fromSs(List.of("ok", base64))));

    assertThat(TableLeakScan.scan(dynamoDb, TABLE, matcher))
        .extracting(Leak::form)
        .containsExactlyInAnyOrder("raw", "base64");
    delete(dynamoDb, "AUDIT#2026-11-22", "entry");
  }

  @Test
  void scan_passesCleanItems(DynamoDbClient dynamoDb) {
    put(
        dynamoDb,
        "SECRET#db-password",
        "META",
        Map.of("source", AttributeValue.fromS("arn:aws:...")));

    assertThat(TableLeakScan.scan(dynamoDb, TABLE, matcher)).isEmpty();
    delete(dynamoDb, "SECRET#db-password", "META");
  }

  private static void put(
      DynamoDbClient dynamoDb, String pk, String sk, Map<String, AttributeValue> attributes) {
    var item = new java.util.HashMap<>(attributes);
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS(sk));
    dynamoDb.putItem(request -> request.tableName(TABLE).item(item));
  }

  private static void delete(DynamoDbClient dynamoDb, String pk, String sk) {
    dynamoDb.deleteItem(request ->
        request
            .tableName(TABLE)
            .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
  }
}
