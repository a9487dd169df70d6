package dev.keyturn.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionCounts;
import dev.keyturn.observability.Metric;
import dev.keyturn.observability.Metrics;
import dev.keyturn.webhook.Rejections.Reason;
import dev.keyturn.webhook.http.DecodedBody;
import dev.keyturn.webhook.http.InboundRequest;
import dev.keyturn.webhook.http.Route;
import dev.keyturn.webhook.http.WebhookResponse;
import dev.keyturn.webhook.scheme.Headers;
import dev.keyturn.webhook.scheme.RejectionReason;
import dev.keyturn.webhook.scheme.VerificationResult;
import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import dev.keyturn.webhook.scheme.WebhookRequest;
import dev.keyturn.webhook.sighting.SightingRecorder;
import dev.keyturn.webhook.source.SourceLookup;
import dev.keyturn.webhook.source.SourceRegistry;
import dev.keyturn.webhook.source.WebhookSource;
import dev.keyturn.webhook.verify.Candidates;
import dev.keyturn.webhook.verify.MatchedDelivery;
import dev.keyturn.webhook.verify.SecretVersionsCache;
import dev.keyturn.webhook.verify.StaleSecretVersionsException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one webhook delivery: route {@code POST /webhooks/{source}}, body limit, signature
 * against every live version of the source's secret, then hands verified deliveries to {@link
 * DeliveryForwarder} (replay guard, release confirmation, EventBridge) and records which version
 * signed them ({@link SightingRecorder}). A signature the live versions refuse but a version this
 * container served before it was retired matches is {@code STALE_SECRET}: the sender lags.
 *
 * <p>Request content only ever produces 4xx. A failing dependency produces 503 and a misconfigured
 * source or a bug 500, both with generic bodies, so the provider retries later.
 */
public final class WebhookService {

  private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

  private final SourceRegistry sources;
  private final SecretVersionsCache secrets;
  private final DeliveryForwarder forwarder;
  private final SightingRecorder sightings;
  private final Rejections rejections;
  private final RejectionTallies tallies;
  private final Clock clock;
  private final WebhookSettings settings;
  private final Metrics metrics;

  public WebhookService(
      SourceRegistry sources,
      SecretVersionsCache secrets,
      DeliveryForwarder forwarder,
      SightingRecorder sightings,
      AuditLog audit,
      RejectionCounts rejectionCounts,
      Clock clock,
      WebhookSettings settings,
      Metrics metrics) {
    this.sources = sources;
    this.secrets = secrets;
    this.forwarder = forwarder;
    this.sightings = sightings;
    this.tallies = new RejectionTallies(rejectionCounts, settings.actor());
    this.rejections = new Rejections(audit, tallies, settings.actor(), metrics);
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Answers a request that arrived in {@code invocation}; never throws. */
  public WebhookResponse handle(InboundRequest request, Invocation invocation) {
    Instant now = clock.instant();
    try {
      rejections.flushDue(now);
      return receive(request, invocation, now);
    } catch (DependencyUnavailableException e) {
      log.error(
          "webhook dependency failed {} {} {}",
          kv("event", "webhook.dependency-failed"),
          kv("dependency", e.dependency()),
          kv("error", e.getCause().getClass().getSimpleName()));
      return WebhookResponse.unavailable();
    } catch (RuntimeException e) {
      log.error(
          "webhook internal error {} {} {}",
          kv("event", "webhook.internal-error"),
          kv("error", e.getClass().getName()),
          // where, not the message: a message could quote request content
          kv("at", e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?"));
      return WebhookResponse.internalError();
    }
  }

  private WebhookResponse receive(InboundRequest request, Invocation invocation, Instant now) {
    Optional<String> name = Route.source(request.path());
    if (name.isEmpty()) {
      return refuse(Rejections.NO_SOURCE, Reason.UNKNOWN_ROUTE, WebhookResponse.notFound());
    }
    if (!"POST".equals(request.method())) {
      return refuse(name.get(), Reason.METHOD_NOT_ALLOWED, WebhookResponse.methodNotAllowed());
    }
    SourceLookup lookup =
        DependencyUnavailableException.call("inventory", () -> sources.find(name.get(), now));
    return switch (lookup) {
      case SourceLookup.Unknown unknown ->
          refuse(name.get(), Reason.UNKNOWN_SOURCE, WebhookResponse.notFound());
      case SourceLookup.Misconfigured bad -> misconfigured(bad);
      case SourceLookup.Found found -> decodeBody(found.source(), request, invocation, now);
    };
  }

  private WebhookResponse decodeBody(
      WebhookSource source, InboundRequest request, Invocation invocation, Instant now) {
    return switch (DecodedBody.of(request, settings.maxBodyBytes())) {
      case DecodedBody.TooLarge tooLarge ->
          reject(
              now,
              invocation,
              source.name(),
              Reason.BODY_TOO_LARGE,
              WebhookResponse.bodyTooLarge(settings.maxBodyBytes()));
      case DecodedBody.Malformed malformed ->
          reject(
              now, invocation, source.name(), Reason.MALFORMED_BODY, WebhookResponse.badRequest());
      case DecodedBody.Bytes body -> verify(source, body.bytes(), request, invocation, now);
    };
  }

  private WebhookResponse verify(
      WebhookSource source,
      byte[] body,
      InboundRequest request,
      Invocation invocation,
      Instant now) {
    WebhookRequest delivery = new WebhookRequest(body, Headers.of(request.headers()));
    Candidates candidates;
    try {
      candidates =
          DependencyUnavailableException.call(
              "secrets", () -> secrets.candidates(source.secret(), now));
    } catch (DependencyUnavailableException e) {
      if (!(e.getCause() instanceof StaleSecretVersionsException)) {
        throw e;
      }
      // fail closed: never verify with versions that may have been revoked since
      return reject(
          now, invocation, source.name(), Reason.SECRETS_STALE, WebhookResponse.unavailable());
    }
    VerificationResult result = source.check().verify(delivery, candidates.values(), now);
    if (result instanceof Rejected rejected && rejected.refreshMayHelp()) {
      Optional<Candidates> newer = refreshed(source, candidates, now);
      if (newer.isPresent()) {
        candidates = newer.get();
        result = source.check().verify(delivery, candidates.values(), now);
      }
    }
    return switch (result) {
      case Rejected rejected -> refused(source, delivery, rejected, invocation, now);
      case Verified verified -> accept(source, candidates.matched(verified), body, invocation, now);
    };
  }

  /**
   * A signature no live version made: {@code STALE_SECRET} when a version this container served
   * before it lost its labels made it (in memory, no read: a forgery costs no AWS call), else the
   * scheme's reason.
   */
  private WebhookResponse refused(
      WebhookSource source,
      WebhookRequest delivery,
      Rejected rejected,
      Invocation invocation,
      Instant now) {
    String reason = rejected.reason().name();
    if (rejected.reason() == RejectionReason.SIGNATURE_MISMATCH) {
      Optional<String> stale =
          source.check().retiredSigner(delivery, secrets.retiredVersions(source.secret()), now);
      if (stale.isPresent()) {
        log.warn(
            "webhook signed with a retired secret version {} {} {}",
            kv("event", "webhook.stale-secret"),
            kv("source", source.name()),
            kv("secretVersion", stale.get()));
        reason = Reason.STALE_SECRET.name();
      }
    }
    return reject(
        now,
        invocation,
        source.name(),
        reason,
        WebhookResponse.rejection(rejected.reason().httpStatus()));
  }

  private Optional<Candidates> refreshed(WebhookSource source, Candidates used, Instant now) {
    return DependencyUnavailableException.call(
        "secrets", () -> secrets.refreshAfterMismatch(source.secret(), used, now));
  }

  private WebhookResponse accept(
      WebhookSource source,
      MatchedDelivery matched,
      byte[] body,
      Invocation invocation,
      Instant now) {
    Verified verified = matched.verified();
    String versionId = matched.versionId();
    DeliveryForwarder.Outcome outcome = forwarder.forward(source, verified, body, invocation);
    // whatever became of the delivery, its sender signed it with this version
    sightings.seen(source.name(), versionId, now, invocation.deadline());
    return switch (outcome) {
      case DeliveryForwarder.Outcome.Forwarded forwarded -> {
        metrics.count(Metric.WEBHOOKS_VERIFIED, 1);
        log.info(
            "webhook accepted {} {} {} {} {}",
            kv("event", "webhook.accepted"),
            kv("source", source.name()),
            kv("deliveryId", verified.deliveryId()),
            kv("secretVersion", versionId),
            kv("eventBytes", forwarded.eventBytes()));
        yield WebhookResponse.accepted(verified.deliveryId());
      }
      case DeliveryForwarder.Outcome.Duplicate duplicate -> {
        rejections.duplicate(now, source.name(), verified.replayKey(), verified.deliveryId());
        yield WebhookResponse.duplicate();
      }
      case DeliveryForwarder.Outcome.InFlight inFlight -> {
        long seconds = Math.max(1, (inFlight.retryAfter().toMillis() + 999) / 1000);
        rejections.inFlight(source.name(), verified.deliveryId(), seconds);
        yield WebhookResponse.inFlight(seconds);
      }
      case DeliveryForwarder.Outcome.TooLarge tooLarge ->
          reject(
              now,
              invocation,
              source.name(),
              Reason.EVENT_TOO_LARGE,
              WebhookResponse.eventTooLarge(tooLarge.eventBytes(), tooLarge.limitBytes()));
    };
  }

  private WebhookResponse misconfigured(SourceLookup.Misconfigured bad) {
    log.error(
        "webhook source misconfigured {} {} {}",
        kv("event", "webhook.source-misconfigured"),
        kv("source", bad.source()),
        kv("problem", bad.problem()));
    return WebhookResponse.internalError();
  }

  /** A request that names no known source: no table write. */
  private WebhookResponse refuse(String source, Reason reason, WebhookResponse response) {
    rejections.refused(source, reason.name(), response.status());
    return response;
  }

  private WebhookResponse reject(
      Instant now, Invocation invocation, String source, Reason reason, WebhookResponse response) {
    return reject(now, invocation, source, reason.name(), response);
  }

  private WebhookResponse reject(
      Instant now, Invocation invocation, String source, String reason, WebhookResponse response) {
    rejections.rejected(now, source, reason, response.status(), invocation.requestId());
    return response;
  }

  /** Writes rejection counts still held (the container is shutting down). */
  public void flushRejections() {
    tallies.flushAll(clock.instant());
  }
}
