package dev.keyturn.cli.demo;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.secrets.RotationStarter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rotates one Secrets Manager entry the way Secrets Manager does: RotateSecret labels a new version
 * AWSPENDING, then the real {@link RotateHandler} gets the four step events in order. The local
 * AWS's rotation Lambda is a no-op ({@link LocalAws#createRotationLambda()}), so this class sends
 * the steps.
 */
final class DemoRotation {

  static final List<String> STEPS =
      List.of("createSecret", "setSecret", "testSecret", "finishSecret");

  private final RotationStarter secretsManager;
  private final RotateHandler handler;
  private final LocalAws aws;

  DemoRotation(RotationStarter secretsManager, RotateHandler handler, LocalAws aws) {
    this.secretsManager = secretsManager;
    this.handler = handler;
    this.aws = aws;
  }

  /** Runs a whole rotation; returns the new version id. */
  String rotate(SecretEntry entry, Narrator say) {
    String secretId = entry.source().id();
    String lambdaArn = aws.createRotationLambda();
    String token = UUID.randomUUID().toString();
    secretsManager.startRotation(secretId, token, lambdaArn, 90L);
    say.detail("RotateSecret: version %s labelled AWSPENDING (no value yet)", token);
    for (String step : STEPS) {
      Map<String, Object> event =
          Map.of("Step", step, "SecretId", secretId, "ClientRequestToken", token);
      Map<String, Object> result =
          handler.handleRequest(event, LocalLambdaContext.of("keyturn-rotate"));
      say.detail("%-13s -> %s", step, result.get("outcome"));
    }
    return token;
  }
}
