package dev.keyturn.local.moto;

import dev.keyturn.local.EmulatorStartException;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalSdk;
import dev.keyturn.local.template.TemplateTable;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The default local AWS: {@code moto_server} (Secrets Manager, SSM, STS, KMS, EventBridge, SQS,
 * IAM, Lambda) as a child process and DynamoDB Local in this JVM, both on 127.0.0.1. A shutdown
 * hook stops both if the JVM exits before {@link #close()}.
 */
public final class MotoLocalAws implements LocalAws {

  public static final String NAME = "moto";

  private final MotoServer moto;
  private final DynamoDbLocalServer dynamo;
  private final DynamoDbClient dynamoDb;
  private final Thread shutdownHook = new Thread(this::stop, "local-aws-shutdown");
  private TemplateTable templateTable;
  private boolean stopped;

  private MotoLocalAws(MotoServer moto, DynamoDbLocalServer dynamo) {
    this.moto = moto;
    this.dynamo = dynamo;
    this.dynamoDb = LocalSdk.client(DynamoDbClient.builder(), dynamo.endpoint(), Region.of(REGION));
  }

  /** Starts both emulators, moto's log in {@code logDirectory} (which must exist). */
  public static MotoLocalAws start(Path logDirectory) {
    // moto first: a missing moto_server fails before anything else is started
    MotoServer moto = MotoServer.start(logDirectory);
    DynamoDbLocalServer dynamo;
    try {
      dynamo = DynamoDbLocalServer.start();
    } catch (RuntimeException e) {
      moto.close();
      throw e;
    }
    MotoLocalAws aws = new MotoLocalAws(moto, dynamo);
    try {
      aws.awaitDynamoDb();
    } catch (RuntimeException e) {
      aws.stop();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(aws.shutdownHook);
    return aws;
  }

  @Override
  public String backend() {
    return NAME;
  }

  @Override
  public URI endpoint() {
    return moto.endpoint();
  }

  @Override
  public URI dynamoDbEndpoint() {
    return dynamo.endpoint();
  }

  /** moto's log file (requests and errors of the emulator, never our own output). */
  public Path motoLog() {
    return moto.log();
  }

  /** Forgets every resource in moto and drops every table in DynamoDB Local. */
  @Override
  public void reset() {
    moto.reset();
    TemplateTable.dropAll(dynamoDb);
  }

  @Override
  public void recreateTable(String tableName) {
    templateTable().recreate(dynamoDb, tableName);
  }

  @Override
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  @Override
  public String createRotationLambda() {
    return MotoRotationLambda.create(endpoint());
  }

  /** Threads DynamoDB Local still runs; none after {@link #close()}. */
  int dynamoDbLocalThreads() {
    return dynamo.liveThreads();
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to undo
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
}
