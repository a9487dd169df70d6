package dev.keyturn.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.state.SyncStateStore.VarState;
import dev.keyturn.testing.fakes.FakeAuditLog;
import dev.keyturn.testing.fakes.FakeEventPublisher;
import dev.keyturn.testing.fakes.FakeInventoryStore;
import dev.keyturn.testing.fakes.FakeMetrics;
import dev.keyturn.testing.fakes.FakeReplayGuard;
import dev.keyturn.testing.fakes.FakeSecretSource;
import dev.keyturn.testing.fakes.FakeSenderSightings;
import dev.keyturn.testing.fakes.FakeSyncStateStore;
import dev.keyturn.testing.time.MutableClock;
import dev.keyturn.webhook.heroku.ReleaseConfirmations;
import dev.keyturn.webhook.http.FunctionUrlEvents;
import dev.keyturn.webhook.sighting.SightingRecorder;
import dev.keyturn.webhook.source.SourceRegistry;
import dev.keyturn.webhook.verify.SecretVersionsCache;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The webhook service over in-memory fakes of every port, with sources added per test. */
final class WebhookWorld {

  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  final FakeInventoryStore inventory = new FakeInventoryStore();
  final FakeSecretSource secrets = new FakeSecretSource();
  final FakeReplayGuard replay = new FakeReplayGuard();
  final FakeEventPublisher bus = new FakeEventPublisher();
  final FakeSyncStateStore syncState = new FakeSyncStateStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final MutableClock clock = new MutableClock(START);
  final FakeMetrics metrics = new FakeMetrics();
  final FakeSenderSightings sightings = new FakeSenderSightings();
  final WebhookSettings settings;
  final WebhookService service;

  WebhookWorld() {
    this(WebhookSettings.DEFAULTS);
  }

  WebhookWorld(WebhookSettings settings) {
    this.settings = settings;
    DeliveryForwarder forwarder =
        new DeliveryForwarder(
            replay,
            new ReleaseConfirmations(syncState, audit, settings.actor(), metrics),
            bus,
            clock,
            settings.claimTtl(),
            settings.awsCallTimeout());
    service =
        new WebhookService(
            new SourceRegistry(inventory, settings.inventoryTtl(), settings.untimedReplayTtl()),
            new SecretVersionsCache(secrets, settings.secretTtl(), settings.secretMaxStale()),
            forwarder,
            new SightingRecorder(sightings, metrics, clock, settings.awsCallTimeout()),
            audit,
            audit,
            clock,
            settings,
            metrics);
  }

  /** A webhook source with its secret entry and the secret's first value at AWSCURRENT. */
  WebhookEntry source(String name, String scheme, Map<String, String> options, String secret) {
    return source(name, scheme, options, null, secret);
  }

  WebhookEntry source(
      String name,
      String scheme,
      Map<String, String> options,
      Integer toleranceSeconds,
      String secret) {
    String secretName = "WH_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    Source source = secretSource(name);
    inventory.add(
        new SecretEntry(
            secretName,
            source,
            Tags.of("webhook", "high", name, "90d"),
            List.of("prod"),
            null,
            null,
            new GeneratorSpec("hmac-key", Map.of()),
            null,
            List.of(),
            null,
            List.of()));
    WebhookEntry entry = new WebhookEntry(name, scheme, secretName, toleranceSeconds, options);
    inventory.add(entry);
    secrets.put(source, secret);
    return entry;
  }

  /** Sync published a var of {@code app} in {@code releaseId} (and recorded it). */
  void publishedIn(String app, String releaseId) {
    syncState.recordPublished(
        app, List.of(new VarState(app, "DATABASE_URL", "HK_DB", "v1", releaseId, 1, START, null)));
  }

  static Source secretSource(String webhookSource) {
    return new Source.SecretsManager("keyturn/test/webhook/" + webhookSource);
  }

  /** A delivery of {@code body} signed with {@code secret} now. */
  APIGatewayV2HTTPEvent signed(WebhookEntry source, String secret, String body) {
    return Deliveries.signed(source, secret, body, clock.instant());
  }

  APIGatewayV2HTTPEvent signed(WebhookEntry source, String secret, String body, String id) {
    return Deliveries.signed(
        source, secret, body.getBytes(StandardCharsets.UTF_8), clock.instant(), id);
  }

  /** Through the same mapping the handler uses, in a fresh invocation with the default budget. */
  APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
    return send(event, Invocation.standalone(clock.instant()));
  }

  APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event, Invocation invocation) {
    return FunctionUrlEvents.response(service.handle(FunctionUrlEvents.request(event), invocation));
  }

  /** The reasons of every rejection the audit trail holds, after writing what the service held. */
  List<String> auditedRejections() {
    service.flushRejections();
    return audit.rejectedReasons();
  }

  static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
    return Json.map(response.getBody());
  }
}
