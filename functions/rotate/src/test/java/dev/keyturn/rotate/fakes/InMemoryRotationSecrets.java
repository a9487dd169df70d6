package dev.keyturn.rotate.fakes;

import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One Secrets Manager secret in memory, following the service's documented rules: a label is on at
 * most one version, moving AWSCURRENT labels the old version AWSPREVIOUS, a version's value is
 * immutable (a second put with another value is refused), RotateSecret makes a labelled version
 * without a value.
 */
public final class InMemoryRotationSecrets implements SecretStages {

  public static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

  private final String name;
  private boolean rotationEnabled = true;
  private String rotationLambdaArn;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, List<String>> stages = new LinkedHashMap<>();
  private final List<String> rotationTokens = new ArrayList<>();

  public InMemoryRotationSecrets(String name, String initialValue) {
    this.name = name;
    String first = UUID.randomUUID().toString();
    values.put(first, initialValue);
    stages.put(first, new ArrayList<>(List.of(Stages.CURRENT)));
  }

  public String arn() {
    return ARN_PREFIX + name + "-AbCdEf";
  }

  public void disableRotation() {
    rotationEnabled = false;
  }

  /** What DescribeSecret reports once a rotation function is configured. */
  public void attachRotationLambda(String arn) {
    rotationLambdaArn = arn;
  }

  /** What RotateSecret does before invoking the function: a labelled version without a value. */
  public String startRotation() {
    String token = UUID.randomUUID().toString();
    stages.values().forEach(l -> l.remove(Stages.PENDING));
    stages.put(token, new ArrayList<>(List.of(Stages.PENDING)));
    return token;
  }

  public Optional<String> versionWith(String stage) {
    return require(arn()).versionWith(stage);
  }

  /** The value of a version regardless of labels (what the test can read back by version id). */
  public Optional<String> valueOf(String versionId) {
    return Optional.ofNullable(values.get(versionId));
  }

  public Map<String, List<String>> stages() {
    return Map.copyOf(stages);
  }

  public List<String> rotationTokensSeen() {
    return List.copyOf(rotationTokens);
  }

  @Override
  public Optional<SecretDescription> describe(String secretId) {
    if (!isId(secretId)) {
      return Optional.empty();
    }
    Map<String, List<String>> labelled = new LinkedHashMap<>();
    stages.forEach((v, l) -> {
      if (!l.isEmpty()) {
        labelled.put(v, l);
      }
    });
    return Optional.of(
        new SecretDescription(
            arn(), name, rotationEnabled, rotationLambdaArn, labelled, null, null));
  }

  @Override
  public Optional<String> value(String secretId, String versionId, String stage) {
    requireId(secretId);
    if (!stages.getOrDefault(versionId, List.of()).contains(stage)) {
      return Optional.empty();
    }
    return Optional.ofNullable(values.get(versionId));
  }

  @Override
  public void putPending(String secretId, String token, String value, String rotationToken) {
    requireId(secretId);
    String existing = values.get(token);
    if (existing != null && !existing.equals(value)) {
      throw new IllegalStateException("version " + token + " already has a different value");
    }
    values.put(token, value);
    stages.values().forEach(l -> l.remove(Stages.PENDING));
    stages.computeIfAbsent(token, t -> new ArrayList<>()).add(Stages.PENDING);
    if (rotationToken != null) {
      rotationTokens.add(rotationToken);
    }
  }

  @Override
  public void moveStage(String secretId, String stage, String toVersionId, String fromVersionId) {
    requireId(secretId);
    if (!stages.getOrDefault(fromVersionId, List.of()).contains(stage)) {
      throw new IllegalStateException(stage + " is not on " + fromVersionId);
    }
    stages.get(fromVersionId).remove(stage);
    if (Stages.CURRENT.equals(stage)) {
      stages.values().forEach(l -> l.remove(Stages.PREVIOUS));
      stages.get(fromVersionId).add(Stages.PREVIOUS);
    }
    stages.computeIfAbsent(toVersionId, t -> new ArrayList<>()).add(stage);
  }

  @Override
  public void removeStage(String secretId, String stage, String fromVersionId) {
    requireId(secretId);
    if (!stages.getOrDefault(fromVersionId, List.of()).remove(stage)) {
      throw new IllegalStateException(stage + " is not on " + fromVersionId);
    }
  }

  private boolean isId(String secretId) {
    return secretId.equals(arn()) || secretId.equals(name);
  }

  private void requireId(String secretId) {
    if (!isId(secretId)) {
      throw new IllegalArgumentException("no such secret: " + secretId);
    }
  }
}
