package dev.keyturn.cli.demo;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.audit.RejectionTally;
import dev.keyturn.cli.demo.DemoRun.DemoFailedException;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.lifecycle.LifecycleService;
import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationStore;
import dev.keyturn.webhook.WebhookService;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rotation life cycle of the demo's webhook secret, to its end: the life cycle the sweep runs
 * ({@link LifecycleService#advance}) drives the rotated entry through {@code published} (the sinks
 * record the new version) and {@code confirmed} (the sender was seen signing with it) to {@code
 * retired} (AWSPREVIOUS evicted), the timeline is printed from the rotation record, and a delivery
 * signed with the old secret is shown rejected as {@code STALE_SECRET} once the warm webhook
 * container's secret cache has expired. Names, version ids, stages and statuses only.
 */
final class DemoLifecycle {

  /**
   * The demo's inventory copy retires the old version in the pass that confirms the rotation (the
   * example inventory keeps the default {@code PT1H}): the demo shows the end of the overlap.
   */
  static final String OVERLAP_GRACE = "PT0S";

  /** How long the demo's webhook container caches a secret's versions (deployed default: 60s). */
  static final Duration SECRET_TTL = Duration.ofSeconds(2);

  static final String SECRET_TTL_PROPERTY = "keyturn.webhook.secret-ttl";

  /** Passes of the life cycle the demo allows before it gives up (each moves as far as it can). */
  private static final int PASSES = 3;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final ApplicationContext context;
  private final Narrator say;

  DemoLifecycle(ApplicationContext context, Narrator say) {
    this.context = context;
    this.say = say;
  }

  /**
   * The inventory with every webhook source's {@code overlapGrace} set to {@link #OVERLAP_GRACE}.
   */
  static Inventory withShortOverlap(Inventory inventory) {
    List<WebhookEntry> webhooks =
        inventory.webhooks().stream()
            .map(w ->
                new WebhookEntry(
                    w.source(),
                    w.scheme(),
                    w.secret(),
                    w.toleranceSeconds(),
                    w.options(),
                    w.sender(),
                    OVERLAP_GRACE))
            .toList();
    return new Inventory(
        inventory.version(),
        inventory.vendors(),
        inventory.functions(),
        inventory.consumers(),
        inventory.secrets(),
        webhooks);
  }

  /** Drives {@code entryName}'s last rotation to {@code retired}; prints its timeline. */
  void retire(String entryName) {
    say.step("Drive the rotation of " + entryName + " through its life cycle (as the sweep does)");
    LifecycleService lifecycle = context.getBean(LifecycleService.class);
    RotationStore rotations = context.getBean(RotationStore.class);
    LastRotation last = null;
    for (int pass = 1; pass <= PASSES; pass++) {
      lifecycle.advance(entryName);
      last = rotations.latest(entryName).orElseThrow(() -> noRotation(entryName));
      LifecycleStage stage = last.run().stage();
      say.detail("pass %d: version %s is %s", pass, last.versionId(), label(stage));
      if (stage == LifecycleStage.RETIRED) {
        break;
      }
    }
    if (last == null || last.run().stage() != LifecycleStage.RETIRED) {
      throw new DemoFailedException(
          entryName + " is " + label(last == null ? null : last.run().stage()) + ", not retired");
    }
    say.detail("timeline: %s", timeline(last));
    say.ok("AWSPREVIOUS evicted by the pass that confirmed (overlapGrace %s)", OVERLAP_GRACE);
  }

  /**
   * Waits out the warm container's secret cache, delivers a delivery signed with the retired
   * secret, and shows it rejected: 401, counted as {@code STALE_SECRET} in the audit trail.
   */
  void oldSecretRejected(DemoWebhooks hooks, WebhookEntry source, String retiredSecret)
      throws InterruptedException {
    say.step("Deliver a webhook signed with the retired secret once the container's cache expires");
    say.detail(
        "waiting %d ms (%s, the webhook's secret cache TTL)",
        SECRET_TTL.toMillis(), SECRET_TTL_PROPERTY);
    Thread.sleep(SECRET_TTL.plusMillis(100).toMillis());
    Instant sent = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    int status =
        hooks.deliver(
            "signed with the retired secret (was AWSPREVIOUS)",
            retiredSecret,
            DemoRun.WEBHOOK_BODY.replace("1042", "1044"));
    context.getBean(WebhookService.class).flushRejections();
    long stale = staleCount(source.source(), sent);
    say.detail(
        "rejections of %s since %s: STALE_SECRET %d", source.source(), TIME.format(sent), stale);
    if (status != 401 || stale < 1) {
      throw new DemoFailedException(
          "the retired secret's delivery got " + status + " with " + stale + " STALE_SECRET");
    }
    say.ok("401, counted as STALE_SECRET: the sender lags, it is not a forgery");
  }

  private long staleCount(String source, Instant since) {
    long count = 0;
    for (AuditEvent e : context.getBean(AuditLog.class).since(since, source, 100)) {
      if (RejectionTally.ACTION.equals(e.action())) {
        count += Long.parseLong(e.detail().getOrDefault("STALE_SECRET", "0"));
      }
    }
    return count;
  }

  /** {@code finished 07:41:02.113 -> published +0.4 s -> confirmed +0.9 s -> retired +1.0 s}. */
  static String timeline(LastRotation rotation) {
    Instant finished = rotation.run().finishedAt();
    Map<LifecycleStage, Instant> times = rotation.run().stageTimes();
    List<String> parts = new ArrayList<>();
    parts.add("finished " + TIME.format(finished));
    for (LifecycleStage stage : LifecycleStage.values()) {
      Instant at = times.get(stage);
      if (stage != LifecycleStage.FINISHED && at != null) {
        double seconds = Duration.between(finished, at).toMillis() / 1000.0;
        parts.add(String.format(Locale.ROOT, "%s +%.1f s", stage.label(), seconds));
      }
    }
    return String.join(" -> ", parts);
  }

  private static String label(LifecycleStage stage) {
    return stage == null ? LifecycleStage.FINISHED.label() : stage.label();
  }

  private static DemoFailedException noRotation(String entryName) {
    return new DemoFailedException("no rotation recorded for " + entryName);
  }
}
