package dev.keyturn.testing.fakes;

import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the contract tests' DynamoDB sides share. */
final class StateTables {

  /** Now, to the millisecond (what the table keeps of lease ends). */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private StateTables() {}

  static StateTable of(DynamoDbClient dynamoDb) {
    return new StateTable(dynamoDb, LocalAwsExtension.TABLE);
  }

  /** A key no other test of the class uses (the fake and the adapter sides share one table). */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
