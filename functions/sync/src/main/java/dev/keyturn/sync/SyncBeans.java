package dev.keyturn.sync;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.heroku.HerokuConfigSink;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the sync service from core's ports and the Heroku client. */
@Factory
public class SyncBeans {

  @Singleton
  public ConfigSink herokuConfigSink(HerokuApi api) {
    return new HerokuConfigSink(api);
  }

  @Singleton
  public SyncSettings syncSettings(
      @Value("${keyturn.sync.actor:keyturn-sync}") String actor,
      @Value("${keyturn.sync.lease-ttl:3m}") Duration leaseTtl,
      @Value("${keyturn.sync.lease-wait:5s}") Duration leaseWait) {
    return new SyncSettings(actor, leaseTtl, leaseWait);
  }

  @Singleton
  public SyncService syncService(
      InventoryStore inventory,
      SecretSource secrets,
      ConfigSink sink,
      SyncStateStore state,
      LeaseStore leases,
      AuditLog audit,
      Clock clock,
      SyncSettings settings) {
    return new SyncService(inventory, secrets, sink, state, leases, audit, clock, settings);
  }
}
