package dev.keyturn.sync;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.snapstart.CorePrimers;
import dev.keyturn.snapstart.Primer;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.digest.SourceDigestKey;
import dev.keyturn.sync.sink.SinkPort;
import dev.keyturn.sync.sink.SinkPorts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires the sync service from core's ports and one adapter per kind of target (each adapter's
 * package wires its own {@code SinkPort}, e.g. {@code heroku.HerokuSinkBeans}).
 */
@Factory
public class SyncBeans {

  /** Every adapter the Lambda publishes through (never {@code .env}: that is the CLI's). */
  @Singleton
  public SinkPorts sinkPorts(List<SinkPort> ports) {
    return new SinkPorts(ports);
  }

  /**
   * Keyed digests for targets that never return values, under the key in the Secrets Manager secret
   * {@code keyturn.digest-key-secret} (env {@code KEYTURN_DIGEST_KEY_SECRET}), read lazily.
   */
  @Singleton
  public PublishedDigests publishedDigests(
      SecretSource secrets, @Value("${keyturn.digest-key-secret:}") String secretId) {
    return new PublishedDigests(new SourceDigestKey(secrets, secretId));
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
      SinkPorts ports,
      PublishedDigests digests,
      SyncStateStore state,
      LeaseStore leases,
      AuditLog audit,
      Clock clock,
      SyncSettings settings,
      Metrics metrics) {
    return new SyncService(
        inventory, secrets, ports, digests, state, leases, audit, clock, settings, metrics);
  }

  /**
   * SnapStart priming: the batched reads of a sync (BatchGetSecretValue, GetParameters) through
   * core's adapter, for a secret and a parameter that do not exist under the managed prefix ({@code
   * keyturn.managed-prefix}, env {@code KEYTURN_MANAGED_PREFIX}, default {@code keyturn/}), which
   * the function may read: the answer is "not found", nothing is read or changed.
   */
  @Singleton
  @Named("secret-sources")
  public Primer secretSourcePrimer(
      SecretSource secrets, @Value("${keyturn.managed-prefix:keyturn/}") String prefix) {
    String absent = prefix + CorePrimers.ABSENT_SECRET;
    List<Source> sources =
        List.of(new Source.SecretsManager(absent), new Source.SsmParameter("/" + absent));
    return Primer.of(
        "secretsmanager:BatchGetSecretValue+ssm:GetParameters", () -> secrets.current(sources));
  }
}
