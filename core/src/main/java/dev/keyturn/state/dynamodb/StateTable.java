package dev.keyturn.state.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB table keyturn keeps its state in.
 *
 * @param client a DynamoDB client (endpoint from the SDK's standard settings)
 * @param name the table name ({@code KEYTURN_TABLE})
 */
public record StateTable(DynamoDbClient client, String name) {}
