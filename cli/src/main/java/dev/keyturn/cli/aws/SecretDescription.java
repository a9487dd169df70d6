package dev.keyturn.cli.aws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DescribeSecret says about a secret, never its value.
 *
 * @param arn the secret's ARN
 * @param rotationEnabled whether Secrets Manager rotates it
 * @param rotationLambdaArn the rotation function, or null when none is configured
 * @param versionStages version id to staging labels
 * @param lastRotated when Secrets Manager last rotated it, or null
 * @param created when the secret was created
 */
public record SecretDescription(
    String arn,
    boolean rotationEnabled,
    String rotationLambdaArn,
    Map<String, List<String>> versionStages,
    Instant lastRotated,
    Instant created) {

  public static final String CURRENT = "AWSCURRENT";
  public static final String PENDING = "AWSPENDING";

  public SecretDescription {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    versionStages.forEach((v, s) -> copy.put(v, List.copyOf(s)));
    versionStages = java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<String> versionWith(String stage) {
    return versionStages.entrySet().stream()
        .filter(e -> e.getValue().contains(stage))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public boolean hasStage(String versionId, String stage) {
    return versionStages.getOrDefault(versionId, List.of()).contains(stage);
  }

  /** A rotation left unfinished: a version labelled AWSPENDING that is not AWSCURRENT. */
  public Optional<String> unfinishedVersion() {
    return versionWith(PENDING).filter(v -> !hasStage(v, CURRENT));
  }

  /** When the value last changed as far as Secrets Manager knows: last rotation, else creation. */
  public Instant valueSince() {
    return lastRotated != null ? lastRotated : created;
  }
}
