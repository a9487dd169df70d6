package dev.keyturn.rotate.secrets;

import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** {@link RotationSecrets} on the Secrets Manager API: one SDK call per operation. */
public final class SecretsManagerRotationSecrets implements RotationSecrets {

  private final SecretsManagerClient client;

  public SecretsManagerRotationSecrets(SecretsManagerClient client) {
    this.client = client;
  }

  @Override
  public SecretMetadata describe(String secretId) {
    DescribeSecretResponse r = client.describeSecret(b -> b.secretId(secretId));
    return new SecretMetadata(
        r.arn(),
        r.name(),
        Boolean.TRUE.equals(r.rotationEnabled()),
        r.hasVersionIdsToStages() ? r.versionIdsToStages() : java.util.Map.of());
  }

  @Override
  public Optional<String> value(String secretId, String versionId, String stage) {
    try {
      return Optional.ofNullable(
          client
              .getSecretValue(b -> b.secretId(secretId).versionId(versionId).versionStage(stage))
              .secretString());
    } catch (ResourceNotFoundException noValue) {
      // a version created by RotateSecret has its label but no value until createSecret puts one
      return Optional.empty();
    }
  }

  @Override
  public void putPending(String secretId, String token, String value, String rotationToken) {
    PutSecretValueRequest.Builder request =
        PutSecretValueRequest.builder()
            .secretId(secretId)
            .clientRequestToken(token)
            .secretString(value)
            .versionStages(Stages.PENDING);
    if (rotationToken != null) {
      request.rotationToken(rotationToken);
    }
    client.putSecretValue(request.build());
  }

  @Override
  public void moveStage(String secretId, String stage, String toVersionId, String fromVersionId) {
    client.updateSecretVersionStage(b ->
        b.secretId(secretId)
            .versionStage(stage)
            .moveToVersionId(toVersionId)
            .removeFromVersionId(fromVersionId));
  }

  @Override
  public void removeStage(String secretId, String stage, String fromVersionId) {
    client.updateSecretVersionStage(
        b -> b.secretId(secretId).versionStage(stage).removeFromVersionId(fromVersionId));
  }
}
