package dev.keyturn.cli.local;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.LocalAwsBackends;
import dev.keyturn.local.LocalSdk;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The process {@code local up} leaves running: starts the local AWS, creates the table and the bus,
 * records itself in the state file, then holds everything until it is told to stop (SIGTERM from
 * {@code local down}), when it stops the emulators and removes the state file.
 */
@Command(name = "serve", hidden = true, description = "Run the playground in the foreground.")
final class LocalServe implements Callable<Integer> {

  @Mixin LocalCommand.StateDir state;

  @Option(names = "--table", paramLabel = "NAME", defaultValue = LocalUp.DEFAULT_TABLE)
  String table;

  @Option(names = "--local-aws", paramLabel = "BACKEND")
  String backend = System.getenv(LocalAwsBackends.VARIABLE);

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(state.dir);
    LocalAws aws = LocalAwsBackends.start(backend, state.dir.resolve("logs"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              Playground.forget(state.dir);
              aws.close();
              stopped.countDown();
            }));
    aws.recreateTable(table);
    try (EventBridgeClient events =
        LocalSdk.client(EventBridgeClient.builder(), aws.endpoint(), Region.of(aws.region()))) {
      events.createEventBus(b -> b.name(LocalUp.BUS));
    }
    new Playground(
            ProcessHandle.current().pid(),
            aws.endpoint(),
            aws.dynamoDbEndpoint(),
            aws.region(),
            table,
            LocalUp.BUS)
        .write(state.dir);
    stopped.await();
    return ExitCode.OK;
  }
}
