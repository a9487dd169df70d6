package dev.keyturn.cli.commands;

import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.rotate.RotateHandler;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the deployed rotate function for one rotation: waits until RotateSecret has labelled a new
 * version AWSPENDING, then sends the four step events to the real {@link RotateHandler}, as Secrets
 * Manager would invoke the Lambda.
 */
final class RotationFunctionStandIn implements Runnable {

  private static final long WAIT_MS = 30_000;

  private final CliWorld world;
  private final ApplicationContext context;
  private final String secretId;

  RotationFunctionStandIn(CliWorld world, ApplicationContext context, String secretId) {
    this.world = world;
    this.context = context;
    this.secretId = secretId;
  }

  @Override
  public void run() {
    String token = awaitPending().orElseThrow(() -> new AssertionError("RotateSecret never came"));
    RotateHandler handler = new RotateHandler(context);
    for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
      handler.execute(Map.of("Step", step, "SecretId", secretId, "ClientRequestToken", token));
    }
  }

  private Optional<String> awaitPending() {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      Optional<String> pending =
          world.stages(secretId).entrySet().stream()
              .filter(
                  e -> e.getValue().contains("AWSPENDING") && !e.getValue().contains("AWSCURRENT"))
              .map(Map.Entry::getKey)
              .findFirst();
      if (pending.isPresent()) {
        return pending;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
