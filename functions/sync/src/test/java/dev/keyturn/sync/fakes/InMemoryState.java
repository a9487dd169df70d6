package dev.keyturn.sync.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sync state, leases and audit trail in memory. */
public final class InMemoryState implements SyncStateStore, LeaseStore, AuditLog {

  private final Map<String, Map<String, VarState>> vars = new ConcurrentHashMap<>();
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  public final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized Map<String, VarState> vars(String app) {
    return Map.copyOf(vars.getOrDefault(app, Map.of()));
  }

  @Override
  public synchronized void recordPublished(String app, List<VarState> states) {
    Map<String, VarState> m = vars.computeIfAbsent(app, a -> new LinkedHashMap<>());
    states.forEach(s -> m.put(s.var(), s));
  }

  @Override
  public synchronized void forget(String app, List<String> names) {
    Map<String, VarState> m = vars.get(app);
    if (m != null) {
      names.forEach(m::remove);
    }
  }

  @Override
  public ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at) {
    return ReleaseConfirmation.UNKNOWN;
  }

  @Override
  public synchronized Optional<Lease> acquire(
      String resource, String owner, Duration ttl, Instant now) {
    Lease current = leases.get(resource);
    if (current != null && current.until().isAfter(now)) {
      return Optional.empty();
    }
    Lease lease = new Lease(resource, owner, now.plus(ttl));
    leases.put(resource, lease);
    return Optional.of(lease);
  }

  @Override
  public synchronized void release(Lease lease) {
    leases.remove(lease.resource(), lease);
  }

  public synchronized boolean leased(String resource) {
    return leases.containsKey(resource);
  }

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized List<AuditEvent> since(Instant since, String subject, int limit) {
    return new ArrayList<>(events);
  }
}
