package dev.keyturn.testing.aws;

import dev.keyturn.local.LocalAws;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * Plays Secrets Manager's part of a rotation against a local AWS: its RotateSecret makes the
 * AWSPENDING version (without a value) and turns rotation on only when a rotation Lambda exists, so
 * this creates a do-nothing one once per state ({@link LocalAws#createRotationLambda()}); the test
 * then sends the four step events to the real handler, as Secrets Manager would.
 */
public final class SecretsManagerRotationDriver {

  private final LocalAws aws;
  private final SecretsManagerClient secretsManager;
  private String rotationLambdaArn;

  /** Clients with default settings (the test harness points them at {@code aws}). */
  public SecretsManagerRotationDriver(LocalAws aws) {
    this.aws = aws;
    this.secretsManager = SecretsManagerClient.create();
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager;
  }

  /** Sets the local AWS up to accept RotateSecret. Call again after a reset. */
  public void prepareRotationLambda() {
    rotationLambdaArn = aws.createRotationLambda();
  }

  /** A new secret holding {@code value} at AWSCURRENT; returns its ARN. */
  public CreateSecretResponse createSecret(String name, String value) {
    return secretsManager.createSecret(b -> b.name(name).secretString(value));
  }

  /**
   * RotateSecret with a fresh token: moto labels the token's version AWSPENDING (no value) and
   * turns rotation on.
   */
  public String startRotation(String secretId) {
    if (rotationLambdaArn == null) {
      throw new IllegalStateException("call prepareRotationLambda() first");
    }
    String token = UUID.randomUUID().toString();
    secretsManager.rotateSecret(b ->
        b.secretId(secretId)
            .clientRequestToken(token)
            .rotationLambdaARN(rotationLambdaArn)
            .rotationRules(r -> r.automaticallyAfterDays(30L)));
    return token;
  }

  /** Version id to labels, as DescribeSecret reports them. */
  public Map<String, List<String>> stages(String secretId) {
    return secretsManager.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
  }

  /** The value stored at a version, read by version id (labels ignored). */
  public String valueOf(String secretId, String versionId) {
    return secretsManager
        .getSecretValue(b -> b.secretId(secretId).versionId(versionId))
        .secretString();
  }
}
