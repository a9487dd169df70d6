package dev.keyturn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The state table exactly as the repository's SAM template declares it. template.yaml is the only
 * source of truth for the table shape; tests and the demo create their tables through this class.
 */
public final class TemplateTable {

  public static final String TEMPLATE_FILE = "template.yaml";
  public static final String STATE_TABLE = "StateTable";
  private static final String TABLE_TYPE = "AWS::DynamoDB::Table";

  private final String source;
  private final TableProperties properties;

  private TemplateTable(String source, TableProperties properties) {
    this.source = source;
    this.properties = properties;
  }

  /**
   * The {@code StateTable} of the template.yaml found by walking up from {@code user.dir}, or, when
   * there is none (a shaded jar run elsewhere), of a {@code template.yaml} on the classpath.
   */
  public static TemplateTable locate() {
    Optional<Path> file = findTemplate(Path.of(System.getProperty("user.dir")));
    if (file.isPresent()) {
      return fromTemplate(file.get());
    }
    try (InputStream resource = TemplateTable.class.getResourceAsStream("/" + TEMPLATE_FILE)) {
      if (resource == null) {
        throw new TemplateException(
            TEMPLATE_FILE
                + " not found above "
                + System.getProperty("user.dir")
                + " nor on the classpath");
      }
      String yaml = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
      return fromYaml(yaml, "classpath:" + TEMPLATE_FILE, STATE_TABLE);
    } catch (IOException e) {
      throw new TemplateException("cannot read classpath:" + TEMPLATE_FILE, e);
    }
  }

  public static TemplateTable fromTemplate(Path template) {
    return fromTemplate(template, STATE_TABLE);
  }

  public static TemplateTable fromTemplate(Path template, String logicalId) {
    try {
      return fromYaml(Files.readString(template), template.toString(), logicalId);
    } catch (IOException e) {
      throw new TemplateException("cannot read " + template, e);
    }
  }

  /** The nearest template.yaml in {@code start} or one of its parents. */
  public static Optional<Path> findTemplate(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(TEMPLATE_FILE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static TemplateTable fromYaml(String yaml, String source, String logicalId) {
    JsonNode resource = CloudFormationYaml.read(yaml).path("Resources").path(logicalId);
    String path = source + " Resources." + logicalId;
    if (resource.isMissingNode()) {
      throw new TemplateException(path + " is not declared");
    }
    if (!TABLE_TYPE.equals(resource.path("Type").asText())) {
      throw new TemplateException(path + " is not of type " + TABLE_TYPE);
    }
    return new TemplateTable(
        source, new TableProperties(resource.path("Properties"), path + ".Properties"));
  }

  /** Where the declaration was read from (a path, or classpath:template.yaml). */
  public String source() {
    return source;
  }

  public CreateTableRequest createTableRequest(String tableName) {
    return properties.createTableRequest(tableName);
  }

  public Optional<TimeToLiveSpecification> timeToLive() {
    return properties.timeToLive();
  }

  /** Drops {@code tableName} if it exists, then creates it as declared, TTL included. */
  public void recreate(DynamoDbClient dynamoDb, String tableName) {
    drop(dynamoDb, tableName);
    dynamoDb.createTable(createTableRequest(tableName));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(tableName));
    timeToLive()
        .ifPresent(ttl ->
            dynamoDb.updateTimeToLive(
                request -> request.tableName(tableName).timeToLiveSpecification(ttl)));
  }

  /** Drops every table {@code dynamoDb} lists. */
  public static void dropAll(DynamoDbClient dynamoDb) {
    dynamoDb.listTablesPaginator().tableNames().stream()
        .toList()
        .forEach(table -> drop(dynamoDb, table));
  }

  /** Drops {@code tableName} and waits until it is gone; nothing when it does not exist. */
  public static void drop(DynamoDbClient dynamoDb, String tableName) {
    try {
      dynamoDb.deleteTable(request -> request.tableName(tableName));
      dynamoDb.waiter().waitUntilTableNotExists(request -> request.tableName(tableName));
    } catch (ResourceNotFoundException absent) {
      // nothing to drop
    }
  }
}
