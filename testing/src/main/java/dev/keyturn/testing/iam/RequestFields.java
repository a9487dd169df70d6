package dev.keyturn.testing.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Reads what IAM authorises a request against from the request's modelled fields, without knowing
 * the request classes: the table, secret, parameter or bus it names and the partition keys of the
 * items it touches.
 */
final class RequestFields {

  /** Fields that name the resource of a call, by their member name in the service model. */
  private static final List<String> RESOURCE_FIELDS =
      List.of("TableName", "SecretId", "Name", "Names", "EventBusName", "QueueUrl", "FunctionName");

  /** Fields that hold items or keys whose partition key is the leading key. */
  private static final List<String> ITEM_FIELDS = List.of("Key", "Item");

  private static final String PARTITION_KEY = "pk";

  private RequestFields() {}

  static List<String> resources(SdkRequest request) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : RESOURCE_FIELDS) {
      field(request, name).ifPresent(value -> addStrings(value, out));
    }
    // PutEvents names its bus per entry; BatchGetSecretValue its secrets in a list
    field(request, "Entries").ifPresent(entries -> nested(entries, "EventBusName", out));
    field(request, "SecretIdList").ifPresent(value -> addStrings(value, out));
    // BatchWriteItem names its tables as the keys of RequestItems
    field(request, "RequestItems")
        .ifPresent(items -> {
          if (items instanceof Map<?, ?> byTable) {
            addStrings(List.copyOf(byTable.keySet()), out);
          }
        });
    return List.copyOf(out);
  }

  static List<String> leadingKeys(SdkRequest request) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : ITEM_FIELDS) {
      field(request, name).ifPresent(item -> partitionKey(item, out));
    }
    // BatchWriteItem: every put's item and every delete's key, in every table
    field(request, "RequestItems").ifPresent(items -> batchWrites(items, out));
    // a Query's key condition names its partition through an expression value
    field(request, "KeyConditionExpression")
        .ifPresent(expression -> queryPartition(request, (String) expression, out));
    return List.copyOf(out);
  }

  private static void queryPartition(SdkRequest request, String expression, Set<String> out) {
    int at = expression.indexOf(PARTITION_KEY + " = ");
    if (at < 0) {
      return;
    }
    String placeholder = expression.substring(at + PARTITION_KEY.length() + 3).split("[\\s)]")[0];
    field(request, "ExpressionAttributeValues")
        .ifPresent(values -> {
          Object value = ((Map<?, ?>) values).get(placeholder);
          if (value instanceof SdkPojo attribute) {
            stringValue(attribute).ifPresent(out::add);
          }
        });
  }

  private static void batchWrites(Object items, Set<String> out) {
    if (!(items instanceof Map<?, ?> byTable)) {
      return;
    }
    for (Object writes : byTable.values()) {
      if (writes instanceof Collection<?> list) {
        for (Object write : list) {
          if (write instanceof SdkPojo pojo) {
            field(pojo, "PutRequest")
                .ifPresent(
                    put -> field((SdkPojo) put, "Item").ifPresent(i -> partitionKey(i, out)));
            field(pojo, "DeleteRequest")
                .ifPresent(
                    delete -> field((SdkPojo) delete, "Key").ifPresent(k -> partitionKey(k, out)));
          }
        }
      }
    }
  }

  private static void partitionKey(Object item, Set<String> out) {
    if (item instanceof Map<?, ?> map && map.get(PARTITION_KEY) instanceof SdkPojo attribute) {
      stringValue(attribute).ifPresent(out::add);
    }
  }

  private static java.util.Optional<String> stringValue(SdkPojo attribute) {
    return field(attribute, "S").map(String.class::cast);
  }

  private static void nested(Object list, String name, Set<String> out) {
    if (list instanceof Collection<?> items) {
      for (Object item : items) {
        if (item instanceof SdkPojo pojo) {
          field(pojo, name).ifPresent(value -> addStrings(value, out));
        }
      }
    }
  }

  private static void addStrings(Object value, Set<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
    }
  }

  private static java.util.Optional<Object> field(SdkPojo pojo, String memberName) {
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.memberName().equals(memberName)) {
        return java.util.Optional.ofNullable(field.getValueOrDefault(pojo));
      }
    }
    return java.util.Optional.empty();
  }

  static List<String> memberNames(SdkPojo pojo) {
    List<String> names = new ArrayList<>();
    pojo.sdkFields().forEach(f -> names.add(f.memberName()));
    return names;
  }
}
