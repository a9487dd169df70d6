package dev.keyturn.testing.fakes;

import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One secret of a {@link FakeSecretsManager}, following Secrets Manager's documented rules: a label
 * is on at most one version; moving AWSCURRENT labels the version it left AWSPREVIOUS; a version's
 * value is fixed once stored (another value under the same version id is refused); AWSCURRENT
 * cannot be removed, only moved; RotateSecret makes a labelled version without a value.
 *
 * <p>The public methods are what a test does to the secret besides calling the ports (seed it,
 * start or finish a rotation, read a version back); they are neither counted nor failed.
 */
public final class FakeSecret {

  /** The rotation function a secret gets when a test starts a rotation without naming one. */
  public static final String ROTATION_LAMBDA =
      "arn:aws:lambda:us-east-1:123456789012:function:keyturn-rotate";

  private final FakeSecretsManager owner;
  private final String name;
  private final Instant created;
  private final Map<String, String> tags;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, List<String>> stages = new LinkedHashMap<>();
  private final List<String> rotationTokens = new ArrayList<>();
  private boolean rotationEnabled;
  private String rotationLambdaArn;

  FakeSecret(FakeSecretsManager owner, String name, Instant created, Map<String, String> tags) {
    this.owner = owner;
    this.name = name;
    this.created = created;
    this.tags = Map.copyOf(tags);
  }

  public String name() {
    return name;
  }

  /** Secrets Manager's ARN: the name, a dash and six characters. */
  public String arn() {
    return FakeSecretsManager.ARN_PREFIX + name + "-AbCdEf";
  }

  public Map<String, String> tags() {
    return tags;
  }

  /**
   * What RotateSecret does before it invokes the rotation function: a new version (the returned
   * token) labelled AWSPENDING, without a value; rotation is on from now.
   */
  public synchronized String startRotation() {
    String token = UUID.randomUUID().toString();
    startRotation(token, rotationLambdaArn == null ? ROTATION_LAMBDA : rotationLambdaArn);
    return token;
  }

  /**
   * What a rotation's createSecret step leaves: a new version holding {@code value} at AWSPENDING.
   */
  public synchronized String stagePending(String value) {
    String version = owner.newVersionId();
    putPending(version, value, null);
    return version;
  }

  /** What finishSecret does: AWSCURRENT moves to the AWSPENDING version, whose label goes. */
  public synchronized void finishRotation() {
    String pending = versionWith(Stages.PENDING).orElseThrow();
    moveStage(Stages.CURRENT, pending, versionWith(Stages.CURRENT).orElseThrow());
    removeStage(Stages.PENDING, pending);
  }

  /** PutSecretValue without stages: a new version at AWSCURRENT; returns its id. */
  public synchronized String putValue(String value) {
    String version = owner.newVersionId();
    values.put(version, value);
    stages.put(version, new ArrayList<>());
    moveStage(Stages.CURRENT, version, versionWith(Stages.CURRENT).orElse(null));
    return version;
  }

  /**
   * Turns rotation on with {@link #ROTATION_LAMBDA} (unless it has a function) without starting
   * one: a secret whose rotation an operator configured earlier.
   */
  public synchronized FakeSecret enableRotation() {
    rotationEnabled = true;
    rotationLambdaArn = rotationLambdaArn == null ? ROTATION_LAMBDA : rotationLambdaArn;
    return this;
  }

  /** Turns rotation off (a rotation already started keeps its AWSPENDING version). */
  public synchronized void disableRotation() {
    rotationEnabled = false;
  }

  /** The version carrying a label, if any. */
  public synchronized Optional<String> versionWith(String stage) {
    return stages.entrySet().stream()
        .filter(e -> e.getValue().contains(stage))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The value stored at a version regardless of labels; empty when it has none (yet). */
  public synchronized Optional<String> valueOf(String versionId) {
    return Optional.ofNullable(values.get(versionId));
  }

  /** Every labelled version with its labels, as DescribeSecret lists them. */
  public synchronized Map<String, List<String>> stages() {
    Map<String, List<String>> labelled = new LinkedHashMap<>();
    stages.forEach((version, labels) -> {
      if (!labels.isEmpty()) {
        labelled.put(version, List.copyOf(labels));
      }
    });
    return labelled;
  }

  /** The RotationTokens passed with PutSecretValue, in order. */
  public synchronized List<String> rotationTokensSeen() {
    return List.copyOf(rotationTokens);
  }

  synchronized SecretDescription describe() {
    return new SecretDescription(
        arn(), name, rotationEnabled, rotationLambdaArn, stages(), null, created);
  }

  synchronized void create(String version, String value) {
    values.put(version, value);
    stages.put(version, new ArrayList<>(List.of(Stages.CURRENT)));
  }

  /** The value of the version that carries the stage (and is {@code versionId}, when given). */
  synchronized Optional<String> value(String versionId, String stage) {
    String version = versionId != null ? versionId : versionWith(stage).orElse(null);
    if (version == null || !labels(version).contains(stage)) {
      return Optional.empty();
    }
    return Optional.ofNullable(values.get(version));
  }

  synchronized void putPending(String token, String value, String rotationToken) {
    String stored = values.get(token);
    if (stored != null && !stored.equals(value)) {
      throw new FakeServiceException(
          "ResourceExistsException", "version " + token + " of " + name + " holds another value");
    }
    values.put(token, value);
    stages.computeIfAbsent(token, t -> new ArrayList<>());
    take(Stages.PENDING, token);
    if (rotationToken != null) {
      rotationTokens.add(rotationToken);
    }
  }

  synchronized void moveStage(String stage, String toVersionId, String fromVersionId) {
    if (labels(toVersionId).contains(stage) && !labels(fromVersionId).contains(stage)) {
      return; // done already: a repeat of an applied move
    }
    Optional<String> holder = versionWith(stage);
    if (holder.isPresent() && !holder.get().equals(fromVersionId)) {
      throw new FakeServiceException(
          "InvalidParameterException", stage + " of " + name + " is not on " + fromVersionId);
    }
    if (!stages.containsKey(toVersionId)) {
      throw new FakeServiceException(
          "InvalidParameterException", name + " has no version " + toVersionId);
    }
    take(stage, toVersionId);
    if (Stages.CURRENT.equals(stage) && fromVersionId != null) {
      take(Stages.PREVIOUS, fromVersionId);
    }
  }

  synchronized void removeStage(String stage, String fromVersionId) {
    if (!labels(fromVersionId).contains(stage)) {
      return; // not there counts as removed
    }
    if (Stages.CURRENT.equals(stage)) {
      throw new FakeServiceException(
          "InvalidParameterException", "AWSCURRENT can only be moved, not removed");
    }
    stages.get(fromVersionId).remove(stage);
  }

  synchronized void startRotation(String token, String lambdaArn) {
    if (lambdaArn == null && rotationLambdaArn == null) {
      throw new FakeServiceException("InvalidRequestException", name + " has no rotation function");
    }
    rotationLambdaArn = lambdaArn != null ? lambdaArn : rotationLambdaArn;
    rotationEnabled = true;
    if (!stages.containsKey(token)) {
      stages.put(token, new ArrayList<>());
      take(Stages.PENDING, token);
    }
  }

  /** Puts the label on the version, taking it off whichever version had it. */
  private void take(String stage, String versionId) {
    stages.values().forEach(labels -> labels.remove(stage));
    stages.get(versionId).add(stage);
  }

  private List<String> labels(String versionId) {
    return versionId == null ? List.of() : stages.getOrDefault(versionId, List.of());
  }
}
