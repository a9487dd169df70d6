package dev.keyturn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Maps the {@code Properties} of an {@code AWS::DynamoDB::Table} resource to SDK requests. Only
 * what shapes the table is read: keys, attributes, indexes, billing, stream, TTL.
 */
final class TableProperties {

  private final JsonNode properties;
  private final String path;

  TableProperties(JsonNode properties, String path) {
    this.properties = properties;
    this.path = path;
  }

  CreateTableRequest createTableRequest(String tableName) {
    BillingMode billing = BillingMode.fromValue(text(properties, "BillingMode", "PROVISIONED"));
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .attributeDefinitions(list(properties, "AttributeDefinitions", this::attribute))
            .keySchema(keySchema(properties))
            .billingMode(billing)
            .globalSecondaryIndexes(
                optionalList(properties, "GlobalSecondaryIndexes", node -> gsi(node, billing)))
            .localSecondaryIndexes(optionalList(properties, "LocalSecondaryIndexes", this::lsi));
    if (billing == BillingMode.PROVISIONED) {
      request.provisionedThroughput(throughput(required(properties, "ProvisionedThroughput")));
    }
    stream().ifPresent(request::streamSpecification);
    return request.build();
  }

  Optional<TimeToLiveSpecification> timeToLive() {
    JsonNode ttl = properties.path("TimeToLiveSpecification");
    if (ttl.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        TimeToLiveSpecification.builder()
            .attributeName(text(ttl, "AttributeName"))
            .enabled(bool(ttl, "Enabled"))
            .build());
  }

  private Optional<StreamSpecification> stream() {
    JsonNode stream = properties.path("StreamSpecification");
    if (stream.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        StreamSpecification.builder()
            .streamEnabled(true)
            .streamViewType(text(stream, "StreamViewType"))
            .build());
  }

  private AttributeDefinition attribute(JsonNode node) {
    return AttributeDefinition.builder()
        .attributeName(text(node, "AttributeName"))
        .attributeType(text(node, "AttributeType"))
        .build();
  }

  private List<KeySchemaElement> keySchema(JsonNode owner) {
    return list(
        owner,
        "KeySchema",
        node ->
            KeySchemaElement.builder()
                .attributeName(text(node, "AttributeName"))
                .keyType(text(node, "KeyType"))
                .build());
  }

  private GlobalSecondaryIndex gsi(JsonNode node, BillingMode billing) {
    GlobalSecondaryIndex.Builder index =
        GlobalSecondaryIndex.builder()
            .indexName(text(node, "IndexName"))
            .keySchema(keySchema(node))
            .projection(projection(required(node, "Projection")));
    if (billing == BillingMode.PROVISIONED) {
      index.provisionedThroughput(throughput(required(node, "ProvisionedThroughput")));
    }
    return index.build();
  }

  private LocalSecondaryIndex lsi(JsonNode node) {
    return LocalSecondaryIndex.builder()
        .indexName(text(node, "IndexName"))
        .keySchema(keySchema(node))
        .projection(projection(required(node, "Projection")))
        .build();
  }

  private Projection projection(JsonNode node) {
    Projection.Builder projection =
        Projection.builder().projectionType(text(node, "ProjectionType", "KEYS_ONLY"));
    if (node.has("NonKeyAttributes")) {
      projection.nonKeyAttributes(list(node, "NonKeyAttributes", item -> literal(item).asText()));
    }
    return projection.build();
  }

  private ProvisionedThroughput throughput(JsonNode node) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(number(node, "ReadCapacityUnits"))
        .writeCapacityUnits(number(node, "WriteCapacityUnits"))
        .build();
  }

  private <T> List<T> optionalList(JsonNode owner, String field, Function<JsonNode, T> item) {
    return owner.has(field) ? list(owner, field, item) : null;
  }

  private <T> List<T> list(JsonNode owner, String field, Function<JsonNode, T> item) {
    JsonNode array = literal(required(owner, field));
    if (!array.isArray()) {
      throw new TemplateException(path + "." + field + " must be a list");
    }
    List<T> items = new ArrayList<>();
    array.forEach(node -> items.add(item.apply(node)));
    return items;
  }

  private String text(JsonNode owner, String field) {
    return literal(required(owner, field)).asText();
  }

  private String text(JsonNode owner, String field, String fallback) {
    return owner.has(field) ? text(owner, field) : fallback;
  }

  private long number(JsonNode owner, String field) {
    JsonNode value = literal(required(owner, field));
    if (!value.canConvertToLong() && !value.asText().matches("\\d+")) {
      throw new TemplateException(path + "." + field + " must be a whole number");
    }
    return value.canConvertToLong() ? value.asLong() : Long.parseLong(value.asText());
  }

  private boolean bool(JsonNode owner, String field) {
    JsonNode value = literal(required(owner, field));
    return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
  }

  private JsonNode required(JsonNode owner, String field) {
    JsonNode value = owner.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw new TemplateException(path + "." + field + " is missing");
    }
    return value;
  }

  private JsonNode literal(JsonNode value) {
    if (CloudFormationYaml.isIntrinsic(value)) {
      throw new TemplateException(
          path + " uses an intrinsic function where a local table needs a literal value");
    }
    return value;
  }
}
