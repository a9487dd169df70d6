package dev.keyturn.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A local AWS on this machine for {@code keyturn demo} and the tests: Secrets Manager, SSM,
 * EventBridge, IAM, Lambda, STS, KMS and SQS at {@link #endpoint()}, DynamoDB at {@link
 * #dynamoDbEndpoint()}, state tables created exactly as template.yaml declares them. Whoever starts
 * one owns it and stops it with {@link #close()}.
 *
 * <p>Two backends, picked by {@value LocalAwsBackends#VARIABLE}: {@code moto} (the default: {@code
 * moto_server} as a child process and DynamoDB Local in this JVM, both on 127.0.0.1) and {@code
 * localstack} (one LocalStack container through Testcontainers; needs a Docker engine). Clients
 * reach either through the SDK's standard settings ({@link #sdkSettings()}), so the code under test
 * or demo has no switch of its own.
 */
public interface LocalAws extends AutoCloseable {

  /** The region every backend runs in. */
  String REGION = "us-east-1";

  /**
   * Starts the backend {@value LocalAwsBackends#VARIABLE} names, its logs in the module's
   * target/local-aws under Maven, else in a temp dir.
   *
   * @throws LocalAwsUnavailableException (one line, no stack trace) when this machine cannot run it
   */
  static LocalAws start() {
    return start(LogDirectory.resolve());
  }

  /** {@link #start()} with the emulators' logs in {@code logDirectory}. */
  static LocalAws start(Path logDirectory) {
    return LocalAwsBackends.start(System.getenv(LocalAwsBackends.VARIABLE), logDirectory);
  }

  /** The backend's name: {@code moto} or {@code localstack}. */
  String backend();

  /** Where every service but DynamoDB answers (on LocalStack, DynamoDB too). */
  URI endpoint();

  /** Where DynamoDB answers. */
  URI dynamoDbEndpoint();

  default String region() {
    return REGION;
  }

  /** A DynamoDB client pointed at {@link #dynamoDbEndpoint()}; owned by this instance. */
  DynamoDbClient dynamoDb();

  /** Forgets every resource: secrets, parameters, buses, queues, keys, functions and tables. */
  void reset();

  /** Drops and re-creates {@code tableName} as template.yaml declares the state table. */
  void recreateTable(String tableName);

  /**
   * Creates a rotation Lambda that does nothing, and returns its ARN: RotateSecret needs one before
   * it labels a new version AWSPENDING; whoever plays the rotate function (the demo, the CLI's
   * {@code --in-process}, a test) then sends the four steps itself. Again after {@link #reset()}.
   */
  String createRotationLambda();

  /** Stops everything this instance started. */
  @Override
  void close();

  /** The SDK settings that point clients built with default settings here. */
  default AwsSdkSettings sdkSettings() {
    return new AwsSdkSettings(endpoint(), dynamoDbEndpoint(), region());
  }

  /** Points every SDK client built with default settings in this JVM here. */
  default void applyToSystemProperties() {
    sdkSettings().systemProperties().forEach(System::setProperty);
  }

  /** The same settings as environment variables, for child processes. */
  default Map<String, String> environment() {
    return sdkSettings().environment();
  }
}
