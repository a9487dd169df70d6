package dev.keyturn.testing.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * Plays Secrets Manager's part of a rotation against moto: moto's RotateSecret makes the AWSPENDING
 * version (without a value) and turns rotation on only when a rotation Lambda exists, so this
 * creates a do-nothing one once per moto state (with Lambda's docker backend off); the test then
 * sends the four step events to the real handler, as Secrets Manager would.
 */
public final class SecretsManagerRotationDriver {

  private final URI motoEndpoint;
  private final SecretsManagerClient secretsManager;
  private String rotationLambdaArn;

  /** Clients with default settings (the test harness points them at moto). */
  public SecretsManagerRotationDriver(URI motoEndpoint) {
    this.motoEndpoint = motoEndpoint;
    this.secretsManager = SecretsManagerClient.create();
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager;
  }

  /** Sets moto up to accept RotateSecret. Call again after a moto reset. */
  public void prepareMoto() {
    rotationLambdaArn = MotoRotationLambda.create(motoEndpoint);
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
      throw new IllegalStateException("call prepareMoto() first");
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
