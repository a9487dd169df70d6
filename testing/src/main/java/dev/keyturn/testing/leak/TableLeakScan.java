package dev.keyturn.testing.leak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Looks for seeded secret values in every attribute (names included) of every item of a table.
 * Locations name the item by its key with any seeded value masked, so the report cannot leak.
 */
public final class TableLeakScan {

  private TableLeakScan() {}

  public static List<Leak> scan(DynamoDbClient dynamoDb, String table, SecretMatcher secrets) {
    if (secrets.isEmpty()) {
      return List.of();
    }
    List<String> keyNames;
    try {
      keyNames =
          dynamoDb.describeTable(request -> request.tableName(table)).table().keySchema().stream()
              .map(KeySchemaElement::attributeName)
              .toList();
    } catch (ResourceNotFoundException absent) {
      return List.of();
    }
    List<Leak> leaks = new ArrayList<>();
    dynamoDb
        .scanPaginator(request -> request.tableName(table).consistentRead(true))
        .items()
        .forEach(item -> leaks.addAll(scanItem(table, item, keyNames, secrets)));
    return leaks;
  }

  static List<Leak> scanItem(
      String table,
      Map<String, AttributeValue> item,
      List<String> keyNames,
      SecretMatcher secrets) {
    List<Leak> leaks = new ArrayList<>();
    String where = "table " + table + " item " + maskedKey(item, keyNames, secrets);
    item.forEach((name, value) -> scanValue(where + " attribute ", name, value, secrets, leaks));
    return leaks;
  }

  private static void scanValue(
      String where, String path, AttributeValue value, SecretMatcher secrets, List<Leak> leaks) {
    String location = where + secrets.mask(path);
    secrets.find(path).ifPresent(form -> leaks.add(new Leak(location + " (its name)", form)));
    for (String text : texts(value)) {
      secrets.find(text).ifPresent(form -> leaks.add(new Leak(location, form)));
    }
    if (value.hasL()) {
      for (int i = 0; i < value.l().size(); i++) {
        scanValue(where, path + "[" + i + "]", value.l().get(i), secrets, leaks);
      }
    }
    if (value.hasM()) {
      value
          .m()
          .forEach((key, nested) -> scanValue(where, path + "." + key, nested, secrets, leaks));
    }
  }

  // the scalar contents of one attribute value; lists and maps are walked by scanValue
  private static List<String> texts(AttributeValue value) {
    List<String> texts = new ArrayList<>();
    if (value.s() != null) {
      texts.add(value.s());
    }
    if (value.n() != null) {
      texts.add(value.n());
    }
    if (value.b() != null) {
      texts.add(utf8(value.b()));
    }
    texts.addAll(value.ss());
    texts.addAll(value.ns());
    value.bs().forEach(bytes -> texts.add(utf8(bytes)));
    return texts;
  }

  private static String maskedKey(
      Map<String, AttributeValue> item, List<String> keyNames, SecretMatcher secrets) {
    return keyNames.stream()
        .map(name -> name + "=" + secrets.mask(keyText(item.get(name))))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String keyText(AttributeValue value) {
    if (value == null) {
      return "?";
    }
    if (value.s() != null) {
      return value.s();
    }
    return value.n() != null ? value.n() : "<binary>";
  }

  private static String utf8(SdkBytes bytes) {
    return new String(bytes.asByteArray(), StandardCharsets.UTF_8);
  }
}
