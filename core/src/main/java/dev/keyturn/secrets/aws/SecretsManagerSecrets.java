package dev.keyturn.secrets.aws;

import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.RotationStarter;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.SourceExistsException;
import dev.keyturn.secrets.Stages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The one adapter that speaks the Secrets Manager API about a secret's versions: describe (its
 * {@link SecretDescription}), values by version and stage, stage moves, RotateSecret and creation.
 * Every write is safe to repeat, because the SDK repeats a call whose attempt timed out even when
 * Secrets Manager had applied it: writes that carry a ClientRequestToken are the same request by
 * design; a stage move that fails is checked against the labels and counts as done when they
 * already say so.
 */
public final class SecretsManagerSecrets implements SecretStages, RotationStarter, SecretCreator {

  private final SecretsManagerClient client;

  public SecretsManagerSecrets(SecretsManagerClient client) {
    this.client = client;
  }

  @Override
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
            r.name(),
            Boolean.TRUE.equals(r.rotationEnabled()),
            r.rotationLambdaARN() == null || r.rotationLambdaARN().isBlank()
                ? null
                : r.rotationLambdaARN(),
            r.hasVersionIdsToStages() ? r.versionIdsToStages() : Map.of(),
            r.lastRotatedDate(),
            r.createdDate()));
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
    try {
      client.updateSecretVersionStage(b ->
          b.secretId(secretId)
              .versionStage(stage)
              .moveToVersionId(toVersionId)
              .removeFromVersionId(fromVersionId));
    } catch (SecretsManagerException failed) {
      // a retry of an applied move finds the stage gone from fromVersionId and is refused
      requireLabels(
          secretId,
          d -> d.hasStage(toVersionId, stage) && !d.hasStage(fromVersionId, stage),
          failed);
    }
  }

  @Override
  public void removeStage(String secretId, String stage, String fromVersionId) {
    try {
      client.updateSecretVersionStage(
          b -> b.secretId(secretId).versionStage(stage).removeFromVersionId(fromVersionId));
    } catch (SecretsManagerException failed) {
      requireLabels(secretId, d -> !d.hasStage(fromVersionId, stage), failed);
    }
  }

  /** Rethrows {@code failed} unless the labels already are what the failed call wanted. */
  private void requireLabels(
      String secretId, Predicate<SecretDescription> wanted, SecretsManagerException failed) {
    boolean done;
    try {
      done = describe(secretId).filter(wanted).isPresent();
    } catch (RuntimeException describeFailed) {
      failed.addSuppressed(describeFailed);
      throw failed;
    }
    if (!done) {
      throw failed;
    }
  }

  @Override
  public void startRotation(String secretId, String token, String lambdaArn, Long enableEveryDays) {
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

  /**
   * CreateSecret with a ClientRequestToken of our own, so every attempt of this call is the same
   * request (Secrets Manager answers a repeat with the secret it made). A secret that exists from
   * before is read at AWSCURRENT and compared: the same value is success.
   */
  @Override
  public Creation createIfAbsent(String name, String value, Map<String, String> tags) {
    String token = UUID.randomUUID().toString();
    List<Tag> tagList =
        tags.entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    try {
      client.createSecret(b -> {
        b.name(name).secretString(value).clientRequestToken(token);
        if (!tagList.isEmpty()) {
          b.tags(tagList);
        }
      });
      return Creation.CREATED;
    } catch (ResourceExistsException exists) {
      Optional<String> current = value(name, null, Stages.CURRENT);
      if (current.isPresent() && Values.same(current.get(), value)) {
        return Creation.ALREADY_PRESENT;
      }
      throw new SourceExistsException("secret", name);
    }
  }
}
