package dev.keyturn.secrets;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DescribeSecret says about a secret: enough for the rotation guards, for starting and
 * following a rotation and for status. Never a value.
 *
 * @param arn the secret's ARN
 * @param name the secret's name
 * @param rotationEnabled whether Secrets Manager rotates it
 * @param rotationLambdaArn the rotation function, or null when none is configured
 * @param versionStages every version id that has a staging label, with its labels
 * @param lastRotated when Secrets Manager last rotated it, or null
 * @param created when the secret was created, or null when not reported
 */
public record SecretDescription(
    String arn,
    String name,
    boolean rotationEnabled,
    String rotationLambdaArn,
    Map<String, List<String>> versionStages,
    Instant lastRotated,
    Instant created) {

  public SecretDescription {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    versionStages.forEach((version, stages) -> copy.put(version, List.copyOf(stages)));
    versionStages = Collections.unmodifiableMap(copy);
  }

  /** Whether the version exists (has at least one label). */
  public boolean hasVersion(String versionId) {
    return versionStages.containsKey(versionId);
  }

  /** The labels of a version; empty when it has none or does not exist. */
  public List<String> stagesOf(String versionId) {
    return versionStages.getOrDefault(versionId, List.of());
  }

  /** Whether the version carries the label. */
  public boolean hasStage(String versionId, String stage) {
    return stagesOf(versionId).contains(stage);
  }

  /** The version carrying a label (labels are unique within a secret), if any. */
  public Optional<String> versionWith(String stage) {
    return versionStages.entrySet().stream()
        .filter(e -> e.getValue().contains(stage))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** A rotation left unfinished: a version labelled AWSPENDING that is not AWSCURRENT. */
  public Optional<String> unfinishedVersion() {
    return versionWith(Stages.PENDING).filter(v -> !hasStage(v, Stages.CURRENT));
  }

  /** Whether a rotation ended as the protocol requires: token AWSCURRENT, no AWSPENDING left. */
  public boolean finishedRotation(String token) {
    return hasStage(token, Stages.CURRENT) && versionWith(Stages.PENDING).isEmpty();
  }

  /** When the value last changed as far as Secrets Manager knows: last rotation, else creation. */
  public Instant valueSince() {
    return lastRotated != null ? lastRotated : created;
  }
}
