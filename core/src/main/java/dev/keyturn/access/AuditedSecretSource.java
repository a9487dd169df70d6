package dev.keyturn.access;

import dev.keyturn.access.AccessAudit.Read;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.state.InventoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The secret source of a person's process (the CLI): every value read is audited per entry ({@link
 * AccessAudit}), whichever command reads it, so no read escapes the trail. The caller is identified
 * before the read; the events are recorded after it with the outcome, and when they cannot be
 * recorded the values are dropped (the exception reaches the command, not the values). A source no
 * inventory entry names (e.g. {@code verify-webhook --secret-id}) is audited under its id.
 */
public final class AuditedSecretSource implements SecretSource {

  private final SecretSource delegate;
  private final InventoryStore inventory;
  private final AccessAudit access;
  private Map<String, Set<String>> entriesBySource;

  public AuditedSecretSource(SecretSource delegate, InventoryStore inventory, AccessAudit access) {
    this.delegate = delegate;
    this.inventory = inventory;
    this.access = access;
  }

  @Override
  public Map<Source, SecretValue> current(Collection<Source> sources) {
    access.requireCaller();
    Map<Source, SecretValue> values;
    try {
      values = delegate.current(sources);
    } catch (RuntimeException e) {
      record(sources, s -> failed(s, e));
      throw e;
    }
    record(
        sources,
        s -> {
          SecretValue v = values.get(s);
          return v == null
              ? new Read(s.id(), "missing", List.of())
              : new Read(s.id(), "ok", List.of(v.versionId()));
        });
    return values;
  }

  @Override
  public List<SecretValue> liveVersions(Source source) {
    access.requireCaller();
    List<SecretValue> live;
    try {
      live = delegate.liveVersions(source);
    } catch (RuntimeException e) {
      record(List.of(source), s -> failed(s, e));
      throw e;
    }
    List<String> ids = live.stream().map(SecretValue::versionId).toList();
    record(List.of(source), s -> new Read(s.id(), live.isEmpty() ? "missing" : "ok", ids));
    return live;
  }

  private static Read failed(Source s, RuntimeException e) {
    return new Read(s.id(), "failed:" + e.getClass().getSimpleName(), List.of());
  }

  private void record(Collection<Source> sources, java.util.function.Function<Source, Read> read) {
    Map<String, Read> reads = new LinkedHashMap<>();
    for (Source s : sources) {
      Read r = read.apply(s);
      for (String subject : subjects(s)) {
        reads.put(subject, r);
      }
    }
    access.record(reads, Map.of());
  }

  /** The entries whose source (for any environment) this is; else the source id itself. */
  private Set<String> subjects(Source source) {
    if (entriesBySource == null) {
      entriesBySource = index(inventory.secrets());
    }
    Set<String> names = entriesBySource.get(source.id());
    return names == null ? Set.of(source.id()) : names;
  }

  private static Map<String, Set<String>> index(List<SecretEntry> entries) {
    Map<String, Set<String>> out = new HashMap<>();
    for (SecretEntry e : entries) {
      List<Source> all = new ArrayList<>(e.sources().values());
      if (e.source() != null) {
        all.add(e.source());
      }
      for (Source s : all) {
        out.computeIfAbsent(s.id(), k -> new TreeSet<>()).add(e.name());
      }
    }
    return out;
  }
}
