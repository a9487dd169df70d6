package dev.keyturn.rotate.fakes;

import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.ParameterValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SSM parameters in memory: every put adds a version; a label moves to the version it is put on.
 */
public final class InMemoryParameterStore implements ParameterStore {

  private record Version(String value, Instant modified, Set<String> labels) {}

  private final Map<String, List<Version>> versions = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();

  public void create(String name, String type, String value, Instant modified) {
    types.put(name, type);
    versions.put(
        name, new ArrayList<>(List.of(new Version(value, modified, new java.util.HashSet<>()))));
  }

  public String valueAt(String name, long version) {
    return versions.get(name).get((int) version - 1).value();
  }

  public long latest(String name) {
    return versions.get(name).size();
  }

  /** The version carrying a label, or 0. */
  public long labelled(String name, String label) {
    List<Version> all = versions.get(name);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).labels().contains(label)) {
        return i + 1;
      }
    }
    return 0;
  }

  @Override
  public Map<String, ParameterInfo> describe(Collection<String> names) {
    Map<String, ParameterInfo> out = new LinkedHashMap<>();
    for (String name : names) {
      List<Version> all = versions.get(name);
      if (all != null) {
        out.put(
            name,
            new ParameterInfo(name, types.get(name), all.size(), all.getLast().modified(), null));
      }
    }
    return out;
  }

  @Override
  public ParameterValue read(String name, long version) {
    return new ParameterValue(
        name,
        "arn:aws:ssm:us-east-1:123456789012:parameter" + name,
        version,
        valueAt(name, version));
  }

  @Override
  public long putSecure(String name, String value, String keyId) {
    versions.get(name).add(new Version(value, Instant.now(), new java.util.HashSet<>()));
    return versions.get(name).size();
  }

  @Override
  public void label(String name, long version, String label) {
    versions.get(name).forEach(v -> v.labels().remove(label));
    versions.get(name).get((int) version - 1).labels().add(label);
  }
}
