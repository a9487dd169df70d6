package dev.keyturn.local.localstack;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.keyturn.local.EmulatorStartException;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalSdk;
import dev.keyturn.local.lambda.NoOpRotationFunction;
import dev.keyturn.local.template.TemplateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * LocalStack in one container started through Testcontainers: every service, DynamoDB included, at
 * one endpoint published on the Docker host's 127.0.0.1. The container's output goes to {@code
 * localstack.log} in the log directory. Testcontainers' reaper removes the container if this JVM
 * dies before {@link #close()}.
 *
 * <p>Not exercised on the machines this was written on (no Docker engine there): the selection and
 * the no-Docker failure are tested everywhere, the contract suite runs here only where Docker does.
 */
final class LocalStackLocalAws implements LocalAws {

  /** A pinned community image (LocalStack announced that newer images need an account). */
  static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");

  private static final String NAME = "LocalStack";
  private static final int EDGE_PORT = 4566;

  private final LocalStackContainer container;
  private final URI endpoint;
  private final DynamoDbClient dynamoDb;
  private final HttpClient http = HttpClient.newHttpClient();
  private TemplateTable templateTable;

  private LocalStackLocalAws(LocalStackContainer container) {
    this.container = container;
    this.endpoint = container.getEndpoint();
    this.dynamoDb = LocalSdk.client(DynamoDbClient.builder(), endpoint, Region.of(REGION));
  }

  static LocalStackLocalAws start(Path logDirectory) {
    Path log = logDirectory.resolve("localstack.log");
    @SuppressWarnings("resource") // closed by close(), or by the reaper
    LocalStackContainer container =
        new LocalStackContainer(IMAGE)
            .withEnv("AWS_DEFAULT_REGION", REGION)
            .withLogConsumer(frame -> append(log, frame))
            // publish the edge port on loopback only, never on every interface
            .withCreateContainerCmdModifier(cmd ->
                cmd.getHostConfig()
                    .withPortBindings(
                        new PortBinding(
                            Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(EDGE_PORT))));
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new EmulatorStartException(NAME, "did not start; see " + log, e);
    }
    return new LocalStackLocalAws(container);
  }

  @Override
  public String backend() {
    return LocalStackBackend.NAME;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public URI dynamoDbEndpoint() {
    return endpoint;
  }

  @Override
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** LocalStack's own state reset (every service), then whatever tables are left. */
  @Override
  public void reset() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/_localstack/state/reset"))
            .timeout(LocalSdk.ATTEMPT_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new EmulatorStartException(NAME, "state reset answered HTTP " + status);
      }
    } catch (IOException e) {
      throw new EmulatorStartException(NAME, "state reset failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException(NAME, "interrupted during state reset", e);
    }
    TemplateTable.dropAll(dynamoDb);
  }

  @Override
  public synchronized void recreateTable(String tableName) {
    if (templateTable == null) {
      templateTable = TemplateTable.locate();
    }
    templateTable.recreate(dynamoDb, tableName);
  }

  @Override
  public String createRotationLambda() {
    return NoOpRotationFunction.create(endpoint);
  }

  @Override
  public void close() {
    try (dynamoDb) {
      container.stop();
    }
  }

  private static void append(Path log, OutputFrame frame) {
    try {
      Files.writeString(
          log,
          frame.getUtf8String(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
