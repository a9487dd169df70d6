package dev.keyturn.webhook.fakes;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets with staged versions, like Secrets Manager: AWSCURRENT, AWSPENDING (while a rotation is
 * in flight), AWSPREVIOUS. Counts reads of live versions and can be made to fail.
 */
public final class InMemorySecrets implements SecretSource {

  private static final List<String> ORDER = List.of("AWSCURRENT", "AWSPENDING", "AWSPREVIOUS");

  private final Map<Source, Map<String, SecretValue>> byStage = new HashMap<>();
  private int reads;
  private boolean failing;
  private int versions;

  /** A new secret whose AWSCURRENT is {@code value}. */
  public void create(Source source, String value) {
    Map<String, SecretValue> stages = new LinkedHashMap<>();
    stages.put("AWSCURRENT", version(source, value));
    byStage.put(source, stages);
  }

  /** createSecret: the pending value of a rotation. */
  public void stagePending(Source source, String value) {
    byStage.get(source).put("AWSPENDING", version(source, value));
  }

  /** finishSecret: pending becomes current, current becomes previous. */
  public void finishRotation(Source source) {
    Map<String, SecretValue> stages = byStage.get(source);
    stages.put("AWSPREVIOUS", stages.get("AWSCURRENT"));
    stages.put("AWSCURRENT", stages.remove("AWSPENDING"));
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public int reads() {
    return reads;
  }

  @Override
  public Map<Source, SecretValue> current(Collection<Source> sources) {
    Map<Source, SecretValue> out = new LinkedHashMap<>();
    for (Source s : sources) {
      if (byStage.containsKey(s)) {
        out.put(s, byStage.get(s).get("AWSCURRENT"));
      }
    }
    return out;
  }

  @Override
  public List<SecretValue> liveVersions(Source source) {
    if (failing) {
      throw new IllegalStateException("secrets manager unavailable (test)");
    }
    reads++;
    Map<String, SecretValue> stages = byStage.getOrDefault(source, Map.of());
    List<SecretValue> out = new ArrayList<>();
    for (String stage : ORDER) {
      if (stages.containsKey(stage)) {
        out.add(stages.get(stage));
      }
    }
    return out;
  }

  private SecretValue version(Source source, String value) {
    return new SecretValue(source.id(), "v" + ++versions, value);
  }
}
