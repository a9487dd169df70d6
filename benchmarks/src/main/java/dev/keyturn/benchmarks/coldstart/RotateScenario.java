package dev.keyturn.benchmarks.coldstart;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * rotate: the createSecret step of a Secrets Manager rotation of an {@code hmac-key} secret. Each
 * run gets a fresh rotation (RotateSecret in moto makes a new AWSPENDING token), so every run
 * generates and stores a new pending value.
 */
final class RotateScenario implements Scenario {

  static final String ENTRY = "RX_COLDSTART_HMAC";
  static final String SECRET = "keyturn/coldstart/rotate-hmac";

  private final LocalAws aws;
  private final StateSeeder state;
  private final SecretsManagerClient secretsManager;
  private String rotationLambdaArn;
  private String arn;

  RotateScenario(LocalAws aws, StateSeeder state, SecretsManagerClient secretsManager) {
    this.aws = aws;
    this.state = state;
    this.secretsManager = secretsManager;
  }

  @Override
  public String description() {
    return "rotate: createSecret of an hmac-key secret";
  }

  @Override
  public String templateFunction() {
    return "RotateFunction";
  }

  @Override
  public String bareHandler() {
    return "dev.keyturn.benchmarks.coldstart.launch.bare.BareRotateHandler";
  }

  @Override
  public Map<String, String> environment() {
    return Map.of("KEYTURN_EVENT_BUS", "keyturn", "AWS_LAMBDA_FUNCTION_NAME", "keyturn-rotate");
  }

  @Override
  public void seed() {
    rotationLambdaArn = aws.createRotationLambda();
    arn =
        secretsManager
            .createSecret(b -> b.name(SECRET).secretString("whsec_" + "a".repeat(43) + "="))
            .arn();
    state.add(
        new SecretEntry(
            ENTRY,
            new Source.SecretsManager(SECRET),
            Tags.of("api", "high", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            new GeneratorSpec("hmac-key", Map.of()),
            null,
            List.of(),
            null,
            List.of()));
  }

  @Override
  public String nextEvent() {
    // RotateSecret: moto labels the token's new version AWSPENDING (no value yet)
    String token = UUID.randomUUID().toString();
    secretsManager.rotateSecret(b ->
        b.secretId(arn)
            .clientRequestToken(token)
            .rotationLambdaARN(rotationLambdaArn)
            .rotationRules(r -> r.automaticallyAfterDays(30L)));
    return Json.write(Map.of("Step", "createSecret", "SecretId", arn, "ClientRequestToken", token));
  }
}
