package dev.keyturn.rotate.operator;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.VendorDirectory;
import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retire-at-vendor tasks: after an operator-assisted rotation the old credential is still valid
 * at the vendor (the overlap lets every consumer pick up the new one); a person revokes it at the
 * vendor's dashboard within {@code keyturn.retire.within} (default 7 days) and reports it with
 * {@code keyturn retired NAME}. Both ends are audited ({@code retire.task}).
 */
public final class RetireTasks {

  static final String ACTION = "retire.task";

  private final RetireTaskStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;
  private final Duration within;

  public RetireTasks(
      RetireTaskStore store, AuditLog audit, Clock clock, String actor, Duration within) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
    this.within = within;
  }

  /** Records the task to revoke the credential {@code oldVersion} held; returns it. */
  public RetireTask record(SecretEntry entry, String oldVersion, String newVersion) {
    Instant now = clock.instant();
    VendorDirectory.Listing vendor = VendorDirectory.of(entry);
    RetireTask task =
        new RetireTask(
            entry.name(),
            vendor.vendor(),
            vendor.dashboard(),
            oldVersion,
            newVersion,
            now,
            now.plus(within),
            null,
            null);
    store.record(task);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("vendor", task.vendor());
    detail.put("dashboard", task.dashboard());
    detail.put("dueBy", task.dueBy().toString());
    audit.record(
        AuditEvent.of(now, actor, ACTION, entry.name(), "open")
            .withVersions(
                oldVersion == null ? List.of(newVersion) : List.of(oldVersion, newVersion))
            .withDetail(detail));
    return task;
  }

  /**
   * Closes every open task of the entry, on a person's word that the old credential is revoked.
   *
   * @return the tasks closed now; empty when none was open
   */
  public List<RetireTask> close(String secretName, String by) {
    Instant now = clock.instant();
    List<RetireTask> closed = store.close(secretName, now, by);
    for (RetireTask t : closed) {
      audit.record(
          AuditEvent.of(now, by, ACTION, secretName, "closed")
              .withVersions(
                  t.oldVersion() == null
                      ? List.of(t.newVersion())
                      : List.of(t.oldVersion(), t.newVersion()))
              .withDetail(Map.of("vendor", t.vendor(), "dueBy", t.dueBy().toString())));
    }
    return closed;
  }

  /** Every open task, oldest first. */
  public List<RetireTask> open() {
    return store.open();
  }
}
