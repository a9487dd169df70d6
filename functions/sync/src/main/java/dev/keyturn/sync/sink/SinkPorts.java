package dev.keyturn.sync.sink;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The adapters a sync may publish through, by kind; a kind without one is out of scope. */
public final class SinkPorts {

  private final Map<String, SinkPort> byKind = new LinkedHashMap<>();

  public SinkPorts(Collection<SinkPort> ports) {
    for (SinkPort p : ports) {
      if (byKind.putIfAbsent(p.kind(), p) != null) {
        throw new IllegalArgumentException("two sink adapters for " + p.kind());
      }
    }
  }

  public static SinkPorts of(SinkPort... ports) {
    return new SinkPorts(java.util.List.of(ports));
  }

  public Optional<SinkPort> port(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  public SinkPort require(String kind) {
    return port(kind).orElseThrow(() -> new IllegalArgumentException("no adapter for " + kind));
  }

  public Set<String> kinds() {
    return byKind.keySet();
  }
}
