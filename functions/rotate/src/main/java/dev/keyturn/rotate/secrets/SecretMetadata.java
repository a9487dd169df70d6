package dev.keyturn.rotate.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DescribeSecret says about a secret: enough for the rotation guards and for finding the
 * version that holds a stage. Never a value.
 *
 * @param arn the secret's ARN
 * @param name the secret's name
 * @param rotationEnabled whether rotation is turned on for the secret
 * @param versionStages every version id that has a staging label, with its labels
 */
public record SecretMetadata(
    String arn, String name, boolean rotationEnabled, Map<String, List<String>> versionStages) {

  public SecretMetadata {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    versionStages.forEach((version, stages) -> copy.put(version, List.copyOf(stages)));
    versionStages = java.util.Collections.unmodifiableMap(copy);
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
  public boolean versionHasStage(String versionId, String stage) {
    return stagesOf(versionId).contains(stage);
  }

  /** The version carrying a label (labels are unique within a secret), if any. */
  public Optional<String> versionWithStage(String stage) {
    return versionStages.entrySet().stream()
        .filter(e -> e.getValue().contains(stage))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
