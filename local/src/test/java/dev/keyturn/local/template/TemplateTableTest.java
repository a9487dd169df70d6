package dev.keyturn.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keyturn.local.OneLocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTableTest {

  private static final String TABLE = "keyturn-test-state";

  private static final Path REPO_TEMPLATE =
      TemplateTable.findTemplate(Path.of(System.getProperty("user.dir"))).orElseThrow();

  private final DynamoDbClient dynamoDb = OneLocalAws.get().dynamoDb();

  @BeforeEach
  void createStateTable() {
    OneLocalAws.get().recreateTable(TABLE);
  }

  @Test
  void stateTable_hasTheKeySchemaAndAttributesTheTemplateDeclares() throws Exception {
    JsonNode declared = declaredStateTable();

    TableDescription table = dynamoDb.describeTable(request -> request.tableName(TABLE)).table();

    assertThat(table.keySchema().stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()))
        .containsExactlyElementsOf(pairs(declared.get("KeySchema"), "KeyType"));
    assertThat(
            table.attributeDefinitions().stream()
                .map(a -> a.attributeName() + " " + a.attributeTypeAsString()))
        .containsExactlyInAnyOrderElementsOf(
            pairs(declared.get("AttributeDefinitions"), "AttributeType"));
    assertThat(table.billingModeSummary().billingModeAsString())
        .isEqualTo(declared.get("BillingMode").asText());
  }

  @Test
  void stateTable_hasTheTemplatesTimeToLiveEnabled() throws Exception {
    JsonNode declaredTtl = declaredStateTable().get("TimeToLiveSpecification");

    TimeToLiveDescription ttl =
        dynamoDb.describeTimeToLive(request -> request.tableName(TABLE)).timeToLiveDescription();

    assertThat(declaredTtl.get("Enabled").asBoolean()).isTrue();
    assertThat(ttl.attributeName()).isEqualTo(declaredTtl.get("AttributeName").asText());
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
  }

  @Test
  void recreate_mapsIndexesProvisionedThroughputAndStream() throws Exception {
    TemplateTable indexed = TemplateTable.fromTemplate(testTemplate(), "IndexedTable");

    indexed.recreate(dynamoDb, "keyturn-indexed-probe");

    TableDescription table =
        dynamoDb.describeTable(request -> request.tableName("keyturn-indexed-probe")).table();
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
    assertThat(table.globalSecondaryIndexes())
        .singleElement()
        .satisfies(gsi -> {
          assertThat(gsi.indexName()).isEqualTo("byGsi1");
          assertThat(gsi.projection().nonKeyAttributes()).containsExactly("status");
          assertThat(gsi.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        });
    assertThat(table.localSecondaryIndexes())
        .singleElement()
        .satisfies(lsi -> assertThat(lsi.keySchema().get(1).attributeName()).isEqualTo("created"));
    assertThat(table.streamSpecification().streamViewType())
        .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(indexed.timeToLive()).isEmpty();
  }

  @Test
  void createTableRequest_usesPayPerRequestWithoutThroughput_forTheStateTable() {
    var request = TemplateTable.fromTemplate(REPO_TEMPLATE).createTableRequest("any-name");

    assertThat(request.tableName()).isEqualTo("any-name");
    assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(request.provisionedThroughput()).isNull();
    assertThat(request.globalSecondaryIndexes()).isEmpty();
  }

  @Test
  void fromTemplate_rejectsAnIntrinsicWhereALiteralIsNeeded() throws Exception {
    TemplateTable table = TemplateTable.fromTemplate(testTemplate(), "WithIntrinsicKey");

    assertThatThrownBy(() -> table.createTableRequest("t"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("Resources.WithIntrinsicKey.Properties")
        .hasMessageContaining("intrinsic function");
  }

  @Test
  void fromTemplate_rejectsMissingAndNonTableResources() throws Exception {
    assertThatThrownBy(() -> TemplateTable.fromTemplate(testTemplate(), "Nope"))
        .isInstanceOf(TemplateException.class)
        .hasMessageEndingWith("Resources.Nope is not declared");
    assertThatThrownBy(() -> TemplateTable.fromTemplate(testTemplate(), "NotATable"))
        .isInstanceOf(TemplateException.class)
        .hasMessageEndingWith("is not of type AWS::DynamoDB::Table");
  }

  @Test
  void findTemplate_walksUpFromANestedDirectory(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("template.yaml"), "Resources: {}\n");
    Path nested = Files.createDirectories(root.resolve("functions/rotate/src"));

    assertThat(TemplateTable.findTemplate(nested)).contains(root.resolve("template.yaml"));
    assertThat(TemplateTable.findTemplate(Path.of("/"))).isEmpty();
  }

  @Test
  void locate_findsTheRepositoryTemplateFromTheModuleDirectory() {
    assertThat(TemplateTable.locate().source()).isEqualTo(REPO_TEMPLATE.toString());
    assertThat(REPO_TEMPLATE.getParent().resolve("local/pom.xml")).exists();
  }

  // read without our CloudFormation reader, so the comparison is not circular
  private static JsonNode declaredStateTable() throws Exception {
    return new YAMLMapper().readTree(REPO_TEMPLATE.toFile()).at("/Resources/StateTable/Properties");
  }

  private static Path testTemplate() throws Exception {
    return Path.of(TemplateTableTest.class.getResource("indexed-table.yaml").toURI());
  }

  // "name type" for each {AttributeName, <typeField>} entry of a declared list
  private static List<String> pairs(JsonNode array, String typeField) {
    List<String> pairs = new ArrayList<>();
    array.forEach(
        node -> pairs.add(node.get("AttributeName").asText() + " " + node.get(typeField).asText()));
    return pairs;
  }
}
