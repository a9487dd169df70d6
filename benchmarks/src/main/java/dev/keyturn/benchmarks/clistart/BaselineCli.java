package dev.keyturn.benchmarks.clistart;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * The floor the CLI's start is measured against (benchmarks/clistart): what {@code java -version}
 * does (print the runtime's version), then one AWS SDK call: a DynamoDB client from the SDK's
 * defaults (region, credentials and {@code AWS_ENDPOINT_URL*} from the environment) with the
 * URL-connection HTTP client keyturn's adapters use (the jar holds others too) describing the state
 * table {@code KEYTURN_TABLE}. No framework, no configuration, no output formatting. It runs from
 * the CLI's own jar (plus this class), JDK defaults, so the class path and the SDK are keyturn's.
 */
public final class BaselineCli {

  private BaselineCli() {}

  public static void main(String[] args) {
    System.out.println("java version \"" + Runtime.version() + "\"");
    try (DynamoDbClient dynamoDb =
        DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      DescribeTableResponse table =
          dynamoDb.describeTable(b -> b.tableName(System.getenv("KEYTURN_TABLE")));
      System.out.println(table.table().tableName() + " " + table.table().tableStatusAsString());
    }
  }
}
