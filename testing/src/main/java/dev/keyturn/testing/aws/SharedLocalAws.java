package dev.keyturn.testing.aws;

import dev.keyturn.local.LocalAws;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local AWS every test class of a test JVM shares: the backend {@code KEYTURN_LOCAL_AWS}
 * selects (moto unless set), started on first use with its logs in the module's target/local-aws,
 * stopped when the JVM exits. {@link #close()} does nothing, so no test can stop it for the classes
 * after it.
 */
public final class SharedLocalAws implements LocalAws {

  private static SharedLocalAws instance;

  private final LocalAws started;

  private SharedLocalAws(LocalAws started) {
    this.started = started;
  }

  /** The JVM-wide instance, started on first use. */
  public static synchronized LocalAws get() {
    if (instance == null) {
      LocalAws started = LocalAws.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-local-aws-stop"));
      instance = new SharedLocalAws(started);
    }
    return instance;
  }

  @Override
  public String backend() {
    return started.backend();
  }

  @Override
  public URI endpoint() {
    return started.endpoint();
  }

  @Override
  public URI dynamoDbEndpoint() {
    return started.dynamoDbEndpoint();
  }

  @Override
  public String region() {
    return started.region();
  }

  @Override
  public DynamoDbClient dynamoDb() {
    return started.dynamoDb();
  }

  @Override
  public void reset() {
    started.reset();
  }

  @Override
  public void recreateTable(String tableName) {
    started.recreateTable(tableName);
  }

  @Override
  public String createRotationLambda() {
    return started.createRotationLambda();
  }

  /** Does nothing: the shared instance outlives every test class and stops with the JVM. */
  @Override
  public void close() {}
}
