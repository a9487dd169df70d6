package dev.keyturn.webhook;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.Source;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.snapstart.CorePrimers;
import dev.keyturn.snapstart.Primer;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.ReplayGuard;
import dev.keyturn.state.SenderSightings;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.dynamodb.DynamoRejectionCounts;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.webhook.heroku.ReleaseConfirmations;
import dev.keyturn.webhook.scheme.Ed25519Primer;
import dev.keyturn.webhook.sighting.SightingRecorder;
import dev.keyturn.webhook.source.SourceRegistry;
import dev.keyturn.webhook.verify.SecretVersionsCache;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the webhook service from core's ports. Configuration: see {@link WebhookSettings}. */
@Factory
public class WebhookBeans {

  @Singleton
  public WebhookSettings webhookSettings(
      @Value("${keyturn.webhook.max-body-bytes:262144}") int maxBodyBytes,
      @Value("${keyturn.webhook.secret-ttl:60s}") Duration secretTtl,
      @Value("${keyturn.webhook.secret-max-stale:5m}") Duration secretMaxStale,
      @Value("${keyturn.webhook.inventory-ttl:60s}") Duration inventoryTtl,
      @Value("${keyturn.webhook.untimed-replay-ttl:7d}") Duration untimedReplayTtl,
      @Value("${keyturn.webhook.claim-ttl:10s}") Duration claimTtl,
      @Value("${keyturn.aws.call-timeout:20s}") Duration awsCallTimeout,
      @Value("${aws.lambda.function.name:keyturn-webhook}") String actor) {
    return new WebhookSettings(
        maxBodyBytes,
        secretTtl,
        secretMaxStale,
        inventoryTtl,
        untimedReplayTtl,
        claimTtl,
        awsCallTimeout,
        actor);
  }

  @Singleton
  public SecretVersionsCache secretVersionsCache(SecretSource secrets, WebhookSettings settings) {
    return new SecretVersionsCache(secrets, settings.secretTtl(), settings.secretMaxStale());
  }

  @Singleton
  public SourceRegistry sourceRegistry(InventoryStore inventory, WebhookSettings settings) {
    return new SourceRegistry(inventory, settings.inventoryTtl(), settings.untimedReplayTtl());
  }

  @Singleton
  public DeliveryForwarder deliveryForwarder(
      ReplayGuard replayGuard,
      SyncStateStore syncState,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      WebhookSettings settings,
      Metrics metrics) {
    return new DeliveryForwarder(
        replayGuard,
        new ReleaseConfirmations(syncState, audit, settings.actor(), metrics),
        events,
        clock,
        settings.claimTtl(),
        settings.awsCallTimeout());
  }

  @Singleton
  public SightingRecorder sightingRecorder(
      SenderSightings sightings, Metrics metrics, Clock clock, WebhookSettings settings) {
    return new SightingRecorder(sightings, metrics, clock, settings.awsCallTimeout());
  }

  /** Rejection counts a container still holds are written when it shuts down. */
  @Singleton
  @Bean(preDestroy = "flushRejections")
  public WebhookService webhookService(
      SourceRegistry sources,
      SecretVersionsCache secrets,
      DeliveryForwarder forwarder,
      SightingRecorder sightings,
      AuditLog audit,
      RejectionCounts rejectionCounts,
      Clock clock,
      WebhookSettings settings,
      Metrics metrics) {
    return new WebhookService(
        sources, secrets, forwarder, sightings, audit, rejectionCounts, clock, settings, metrics);
  }

  @Singleton
  public RejectionCounts rejectionCounts(StateTable table) {
    return new DynamoRejectionCounts(table);
  }

  /**
   * SnapStart priming: the verification read path (DescribeSecret, then GetSecretValue by version)
   * for a secret that does not exist under the managed prefix ({@code keyturn.managed-prefix}, env
   * {@code KEYTURN_MANAGED_PREFIX}): IAM refuses it (an absent secret carries no {@code
   * keyturn:role=webhook} tag), nothing is read, and the path is loaded all the same.
   */
  @Singleton
  @Named("webhook-secrets")
  public Primer webhookSecretsPrimer(
      SecretSource secrets, @Value("${keyturn.managed-prefix:keyturn/}") String prefix) {
    return Primer.of(
        "secretsmanager:DescribeSecret",
        () -> secrets.liveVersions(new Source.SecretsManager(prefix + CorePrimers.ABSENT_SECRET)));
  }

  /**
   * SnapStart priming: one ed25519 verification of a published vector (JCA lookup, EdDSA classes,
   * key decoding), which cost a cold container ~60-80 ms of CPU on its first {@code v1a} delivery.
   */
  @Singleton
  @Named("webhook-ed25519")
  public Primer webhookEd25519Primer() {
    return Primer.of("ed25519-verify", Ed25519Primer::prime);
  }
}
