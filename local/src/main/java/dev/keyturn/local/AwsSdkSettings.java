package dev.keyturn.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS SDK v2 standard settings that send every client built with default settings to the
 * emulators: the general endpoint to moto, the DynamoDB endpoint to DynamoDB Local.
 *
 * <p>Names checked against SDK 2.40.2: {@code AwsClientEndpointProvider} reads {@code
 * aws.endpointUrl} / {@code AWS_ENDPOINT_URL}; {@code DefaultDynamoDbBaseClientBuilder} adds the
 * service-specific {@code aws.endpointUrlDynamoDb} / {@code AWS_ENDPOINT_URL_DYNAMODB}, which wins
 * over the general one.
 */
public record AwsSdkSettings(URI moto, URI dynamoDb, String region) {

  public static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
  public static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
  public static final String REGION_PROPERTY = "aws.region";
  public static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
  public static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";

  public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";
  public static final String DYNAMODB_ENDPOINT_ENV = "AWS_ENDPOINT_URL_DYNAMODB";
  public static final String REGION_ENV = "AWS_REGION";
  public static final String ACCESS_KEY_ENV = "AWS_ACCESS_KEY_ID";
  public static final String SECRET_KEY_ENV = "AWS_SECRET_ACCESS_KEY";

  /**
   * Dummy credentials that can never work against AWS. Letters and digits only: DynamoDB Local 2.x
   * rejects any other access key id ("The Access Key ID or security token is invalid").
   */
  public static final String ACCESS_KEY = "keyturnlocal";

  public static final String SECRET_KEY = "keyturnlocalnotasecret";

  /** JVM system properties, for SDK clients built in this process. */
  public Map<String, String> systemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(REGION_PROPERTY, region);
    properties.put(ACCESS_KEY_PROPERTY, ACCESS_KEY);
    properties.put(SECRET_KEY_PROPERTY, SECRET_KEY);
    properties.put(ENDPOINT_PROPERTY, moto.toString());
    properties.put(DYNAMODB_ENDPOINT_PROPERTY, dynamoDb.toString());
    return Map.copyOf(properties);
  }

  /** Environment variables with the same meaning, for child processes (CLI, shaded jars). */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(REGION_ENV, region);
    environment.put(ACCESS_KEY_ENV, ACCESS_KEY);
    environment.put(SECRET_KEY_ENV, SECRET_KEY);
    environment.put(ENDPOINT_ENV, moto.toString());
    environment.put(DYNAMODB_ENDPOINT_ENV, dynamoDb.toString());
    return Map.copyOf(environment);
  }
}
