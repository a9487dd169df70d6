package dev.keyturn.sync.fakes;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretReads;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Source values by id, each put making a new version; counts batched reads. */
public final class InMemorySecrets implements SecretSource {

  private final Map<String, SecretValue> values = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final AtomicInteger version = new AtomicInteger();
  public final AtomicInteger currentCalls = new AtomicInteger();

  public void put(String id, String value) {
    values.put(id, new SecretValue(id, "v" + version.incrementAndGet(), value));
  }

  public void remove(String id) {
    values.remove(id);
  }

  /** The secret exists, but reading it fails with this error code (as a batch reports it). */
  public void refuse(String id, String errorCode) {
    refused.put(id, errorCode);
  }

  @Override
  public SecretReads read(Collection<Source> sources) {
    Map<Source, SecretValue> found = new LinkedHashMap<>(current(sources));
    Map<Source, String> failures = new LinkedHashMap<>();
    for (Source s : sources) {
      String error = refused.get(s.id());
      if (error != null) {
        found.remove(s);
        failures.put(s, error);
      }
    }
    return new SecretReads(found, failures);
  }

  @Override
  public Map<Source, SecretValue> current(Collection<Source> sources) {
    currentCalls.incrementAndGet();
    Map<Source, SecretValue> out = new LinkedHashMap<>();
    for (Source s : sources) {
      SecretValue v = values.get(s.id());
      if (v != null) {
        out.put(s, v);
      }
    }
    return out;
  }

  @Override
  public List<SecretValue> liveVersions(Source source) {
    SecretValue v = values.get(source.id());
    return v == null ? List.of() : List.of(v);
  }
}
