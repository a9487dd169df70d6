package dev.keyturn.sync.fakes;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.testing.fakes.FakeLeaseStore;
import dev.keyturn.testing.fakes.FakeSyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sync state, leases and audit trail in memory: testing-fakes' {@link FakeSyncStateStore} and
 * {@link FakeLeaseStore} (held to the DynamoDB adapters' contract) behind one object.
 */
public final class InMemoryState implements SyncStateStore, LeaseStore, AuditLog {

  public final FakeSyncStateStore sync = new FakeSyncStateStore();
  public final FakeLeaseStore leases = new FakeLeaseStore();
  public final List<AuditEvent> events = new ArrayList<>();

  @Override
  public Map<String, VarState> vars(String app) {
    return sync.vars(app);
  }

  @Override
  public void recordPublished(String app, List<VarState> states) {
    sync.recordPublished(app, states);
  }

  @Override
  public void forget(String app, List<String> names) {
    sync.forget(app, names);
  }

  @Override
  public ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at) {
    return sync.confirmRelease(app, releaseId, at);
  }

  @Override
  public boolean failRelease(String app, String releaseId, Instant at) {
    return sync.failRelease(app, releaseId, at);
  }

  @Override
  public Optional<Lease> acquire(String resource, String owner, Duration ttl, Instant now) {
    return leases.acquire(resource, owner, ttl, now);
  }

  @Override
  public Optional<Lease> renew(Lease lease, Duration ttl, Instant now) {
    return leases.renew(lease, ttl, now);
  }

  @Override
  public void release(Lease lease) {
    leases.release(lease);
  }

  public boolean leased(String resource) {
    return leases.leased(resource);
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
