package dev.keyturn.testing.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Local AWS on 127.0.0.1: {@code moto_server} (Secrets Manager, SSM, STS, KMS, EventBridge, SQS) as
 * a child process and DynamoDB Local in this JVM.
 *
 * <p>Tests use {@link #shared()}: started once per JVM, stopped by a shutdown hook. The CLI demo
 * uses {@link #start()} in try-with-resources and owns what it started. Neither path needs JUnit.
 */
public final class LocalAws implements AutoCloseable {

  public static final String REGION = "us-east-1";

  private static final Object SHARED_LOCK = new Object();
  private static LocalAws shared;

  private final MotoServer moto;
  private final DynamoDbLocalServer dynamo;
  private final DynamoDbClient dynamoDb;
  private final boolean owned;
  private final Thread shutdownHook = new Thread(this::stop, "local-aws-shutdown");
  private TemplateTable templateTable;
  private boolean stopped;

  private LocalAws(MotoServer moto, DynamoDbLocalServer dynamo, boolean owned) {
    this.moto = moto;
    this.dynamo = dynamo;
    this.owned = owned;
    this.dynamoDb = explicitDynamoDbClient(dynamo.endpoint());
  }

  /** The JVM-wide instance, started on first use. {@link #close()} on it does nothing. */
  public static LocalAws shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null) {
        shared = launch(LogDirectory.resolve(), false);
      }
      return shared;
    }
  }

  /** A new instance the caller owns and must {@link #close()}; logs go to target/ or a temp dir. */
  public static LocalAws start() {
    return start(LogDirectory.resolve());
  }

  /** A new instance the caller owns, writing moto's log into {@code logDirectory}. */
  public static LocalAws start(Path logDirectory) {
    try {
      java.nio.file.Files.createDirectories(logDirectory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + logDirectory, e);
    }
    return launch(logDirectory, true);
  }

  private static LocalAws launch(Path logDirectory, boolean owned) {
    // moto first: a missing moto_server fails before anything else is started
    MotoServer moto = MotoServer.start(logDirectory);
    DynamoDbLocalServer dynamo;
    try {
      dynamo = DynamoDbLocalServer.start();
    } catch (RuntimeException e) {
      moto.close();
      throw e;
    }
    LocalAws aws = new LocalAws(moto, dynamo, owned);
    try {
      aws.awaitDynamoDb();
    } catch (RuntimeException e) {
      aws.stop();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(aws.shutdownHook);
    return aws;
  }

  public URI motoEndpoint() {
    return moto.endpoint();
  }

  public URI dynamoEndpoint() {
    return dynamo.endpoint();
  }

  public String region() {
    return REGION;
  }

  /** moto's log file (requests and errors of the emulator, never our test output). */
  public Path motoLog() {
    return moto.log();
  }

  /** Forgets every resource in moto: secrets, parameters, buses, queues, keys. */
  public void resetMoto() {
    moto.reset();
  }

  /** Drops every table in DynamoDB Local. */
  public void resetDynamoDb() {
    dynamoDb.listTablesPaginator().tableNames().stream()
        .toList()
        .forEach(table -> TemplateTable.drop(dynamoDb, table));
  }

  /** Drops and re-creates {@code tableName} in DynamoDB Local as template.yaml declares it. */
  public void recreateTable(String tableName) {
    templateTable().recreate(dynamoDb, tableName);
  }

  /**
   * A DynamoDB client with DynamoDB Local's endpoint set explicitly. Owned by this instance: do not
   * close it.
   */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public AwsSdkSettings sdkSettings() {
    return new AwsSdkSettings(motoEndpoint(), dynamoEndpoint(), REGION);
  }

  /** Points every SDK client built with default settings in this JVM at the emulators. */
  public void applyToSystemProperties() {
    sdkSettings().systemProperties().forEach(System::setProperty);
  }

  /** The same settings as environment variables, for child processes. */
  public Map<String, String> environment() {
    return sdkSettings().environment();
  }

  /** Stops what {@link #start()} started; a no-op on {@link #shared()}. */
  @Override
  public void close() {
    if (owned) {
      stop();
      removeShutdownHook();
    }
  }

  private synchronized TemplateTable templateTable() {
    if (templateTable == null) {
      templateTable = TemplateTable.locate();
    }
    return templateTable;
  }

  private void awaitDynamoDb() {
    try {
      dynamoDb.listTables();
    } catch (RuntimeException e) {
      throw new EmulatorStartException(DynamoDbLocalServer.NAME, "does not answer", e);
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try (dynamoDb;
        dynamo;
        moto) {
      // closed in reverse order by try-with-resources
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to undo
    }
  }

  private static DynamoDbClient explicitDynamoDbClient(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(AwsSdkSettings.ACCESS_KEY, AwsSdkSettings.SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
