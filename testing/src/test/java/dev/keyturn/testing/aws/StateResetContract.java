package dev.keyturn.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Two classes run this contract: each first proves it starts with no trace of the other, then
 * leaves a trace (a table, an item and a parameter). Whichever runs second fails unless the
 * extension reset moto and re-created the table between classes.
 */
@WithLocalAws
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StateResetContract {

  private static final String PARAMETER = "/keyturn/isolation-probe";
  private static final Map<String, AttributeValue> KEY =
      Map.of("pk", AttributeValue.fromS("ISOLATION"), "sk", AttributeValue.fromS("PROBE"));

  private static SsmClient ssm() {
    return SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @Test
  @Order(1)
  void startsWithoutTheOtherClassesTableItemOrParameter(DynamoDbClient dynamoDb) {
    assertThat(dynamoDb.listTables().tableNames()).containsExactly(LocalAwsExtension.TABLE);
    assertThat(dynamoDb.scan(request -> request.tableName(LocalAwsExtension.TABLE)).items())
        .isEmpty();
    try (SsmClient ssm = ssm()) {
      assertThat(ssm.describeParameters().parameters()).isEmpty();
    }
  }

  @Test
  @Order(2)
  void leavesATableAnItemAndAParameterBehind(LocalAws aws, DynamoDbClient dynamoDb) {
    aws.recreateTable("keyturn-left-behind");
    dynamoDb.putItem(request -> request.tableName(LocalAwsExtension.TABLE).item(KEY));
    try (SsmClient ssm = ssm()) {
      ssm.putParameter(request -> request.name(PARAMETER).value("left-behind").type("String"));
      assertThat(ssm.describeParameters().parameters()).hasSize(1);
    }
    assertThat(
            dynamoDb
                .getItem(request -> request.tableName(LocalAwsExtension.TABLE).key(KEY))
                .hasItem())
        .isTrue();
  }
}
