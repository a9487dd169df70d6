package dev.keyturn.cli.aws;

import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;

/** The Secrets Manager calls the operator commands make: DescribeSecret and RotateSecret. */
public final class SecretsManagerControl {

  private final SecretsManagerClient client;

  public SecretsManagerControl(SecretsManagerClient client) {
    this.client = client;
  }

  /** Empty when the secret does not exist. */
  public Optional<SecretDescription> describe(String secretId) {
    DescribeSecretResponse r;
    try {
      r = client.describeSecret(b -> b.secretId(secretId));
    } catch (ResourceNotFoundException missing) {
      return Optional.empty();
    }
    return Optional.of(
        new SecretDescription(
            r.arn(),
            Boolean.TRUE.equals(r.rotationEnabled()),
            r.rotationLambdaARN() == null || r.rotationLambdaARN().isBlank()
                ? null
                : r.rotationLambdaARN(),
            r.hasVersionIdsToStages() ? r.versionIdsToStages() : java.util.Map.of(),
            r.lastRotatedDate(),
            r.createdDate()));
  }

  /**
   * RotateSecret with our own ClientRequestToken: Secrets Manager labels that version AWSPENDING
   * and invokes the rotation function.
   *
   * @param lambdaArn passed explicitly even when configured (an emulator forgets it otherwise)
   * @param enableEveryDays when rotation is off, the schedule to turn it on with; else null
   */
  public void rotate(String secretId, String token, String lambdaArn, Long enableEveryDays) {
    RotateSecretRequest.Builder request =
        RotateSecretRequest.builder()
            .secretId(secretId)
            .clientRequestToken(token)
            .rotationLambdaARN(lambdaArn);
    if (enableEveryDays != null) {
      request.rotationRules(r -> r.automaticallyAfterDays(enableEveryDays));
    }
    client.rotateSecret(request.build());
  }
}
