package dev.keyturn.sync.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.json.Json;
import dev.keyturn.observability.Metrics;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.AppResult.Outcome;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.fakes.CloudflareFixture;
import dev.keyturn.sync.fakes.InMemoryInventory;
import dev.keyturn.sync.fakes.InMemorySecrets;
import dev.keyturn.sync.fakes.InMemoryState;
import dev.keyturn.sync.fakes.Services;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import dev.keyturn.testing.cloudflare.CloudflareStandIn;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sync to a Cloudflare Worker through the production adapter, against the stand-in. */
class CloudflareSinkTest {

  static final String ACCOUNT = "acc0123456789";
  static final String SCRIPT = "raptor-edge";
  static final String KEY = "cloudflare:" + ACCOUNT + "/" + SCRIPT;
  static final String SECRETS =
      "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/" + SCRIPT + "/secrets";
  static final String INVENTORY =
      """
      version: 1
      secrets:
        - name: PM_SERVER_TOKEN
          source: {secretsManager: keyturn/pm}
          sinks:
            - cloudflare: {account: acc0123456789, script: raptor-edge, var: POSTMARK_TOKEN}
        - name: STR_BILLING_WRITE
          source: {secretsManager: keyturn/stripe}
          sinks:
            - cloudflare: {account: acc0123456789, script: raptor-edge, var: STRIPE_KEY}
      """;

  static CloudflareStandIn cloudflare;
  final InMemorySecrets secrets = new InMemorySecrets();
  final InMemoryState state = new InMemoryState();
  final InMemoryInventory inventory = new InMemoryInventory(INVENTORY);
  SyncService service;

  @BeforeAll
  static void start() {
    cloudflare = CloudflareStandIn.start();
  }

  @AfterAll
  static void stop() {
    cloudflare.close();
  }

  @BeforeEach
  void setUp() {
    cloudflare.reset();
    cloudflare.createScript(ACCOUNT, SCRIPT);
    secrets.put("keyturn/pm", "postmark-token-value-0001");
    secrets.put("keyturn/stripe", "stripe-key-value-00000001");
    service =
        Services.sync(
            inventory,
            secrets,
            state,
            Clock.systemUTC(),
            Metrics.NONE,
            CloudflareFixture.port(cloudflare, secrets));
  }

  @AfterEach
  void noViolations() {
    cloudflare.assertNoContractViolations();
  }

  SyncReport sync() {
    return service.sync(SyncRequest.event(new Scope.AllSinks(), "test"));
  }

  AppResult worker(SyncReport r) {
    return r.apps().stream().filter(a -> a.app().equals(KEY)).findFirst().orElseThrow();
  }

  @Test
  void firstPublish_writesEachNameOnce_valuesIntact_oneNewVersionEach() {
    SyncReport report = sync();

    assertThat(worker(report).set()).containsExactly("POSTMARK_TOKEN", "STRIPE_KEY");
    assertThat(cloudflare.count("PUT", SECRETS)).isEqualTo(2);
    assertThat(cloudflare.hasSecret(ACCOUNT, SCRIPT, "POSTMARK_TOKEN", "postmark-token-value-0001"))
        .isTrue();
    assertThat(cloudflare.versions(ACCOUNT, SCRIPT)).isEqualTo(3);
    assertThat(worker(report).consumer()).isEqualTo("new Worker version deployed");
  }

  @Test
  void secondRun_writesNothing_aRotatedValueIsOneWrite() {
    sync();
    SyncReport unchanged = sync();
    secrets.put("keyturn/stripe", "stripe-key-value-00000002");
    SyncReport rotated = sync();

    assertThat(worker(unchanged).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(worker(rotated).set()).containsExactly("STRIPE_KEY");
    assertThat(cloudflare.count("PUT", SECRETS)).isEqualTo(3);
    assertThat(cloudflare.hasSecret(ACCOUNT, SCRIPT, "STRIPE_KEY", "stripe-key-value-00000002"))
        .isTrue();
  }

  @Test
  void rename_deletesTheOldNameOnce() {
    inventory.replace(
        INVENTORY.replace("var: STRIPE_KEY}", "var: STRIPE_KEY, previousVar: STRIPE_OLD}"));
    sync();
    inventory.replace(INVENTORY);

    SyncReport report = sync();
    sync();

    assertThat(worker(report).removed()).containsExactly("STRIPE_OLD");
    assertThat(cloudflare.count("DELETE", SECRETS + "/STRIPE_OLD")).isEqualTo(1);
    assertThat(cloudflare.secretNames(ACCOUNT, SCRIPT))
        .containsExactly("POSTMARK_TOKEN", "STRIPE_KEY");
  }

  @Test
  void aSecretDeletedByHand_isDriftAndPutBack_whileUnmanagedOnesStay() {
    cloudflare.setSecretByHand(ACCOUNT, SCRIPT, "SENTRY_DSN", "someone-elses");
    sync();
    cloudflare.deleteSecretByHand(ACCOUNT, SCRIPT, "POSTMARK_TOKEN");

    SyncReport report = sync();

    assertThat(worker(report).drift()).containsExactly("POSTMARK_TOKEN");
    assertThat(cloudflare.hasSecret(ACCOUNT, SCRIPT, "SENTRY_DSN", "someone-elses")).isTrue();
    assertThat(cloudflare.hasSecret(ACCOUNT, SCRIPT, "POSTMARK_TOKEN", "postmark-token-value-0001"))
        .isTrue();
  }

  @Test
  void dryRun_masksValues_andWritesNothing() {
    SyncReport plan = service.sync(new SyncRequest(new Scope.AllSinks(), true, "test", false));

    String json = Json.write(plan.toMap());
    assertThat(cloudflare.count("PUT", SECRETS)).isZero();
    assertThat(json).contains("STRIPE_KEY", "s***1 (25 chars)");
    assertThat(json.contains("stripe-key-value-00000001")).isFalse();
  }

  @Test
  void a429WithAShortRetryAfter_andA5xx_areRetried() {
    cloudflare.rateLimitNext(1, 0);
    cloudflare.failNext(1, 502);

    SyncReport report = sync();

    assertThat(report.incomplete()).isEmpty();
    assertThat(cloudflare.pendingFaults()).isZero();
  }

  @Test
  void a429BeyondASyncsPatience_defersNamingWhatWasWritten_andTheNextRunFinishes() {
    cloudflare.passNext(2); // list, PUT POSTMARK_TOKEN
    cloudflare.rateLimitNext(1, 300);

    SyncReport first = sync();
    SyncReport second = sync();

    assertThat(worker(first).outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(worker(first).set()).containsExactly("POSTMARK_TOKEN");
    assertThat(worker(first).reason()).isEqualTo("cloudflare:rate_limited:retry_after_300s");
    assertThat(worker(second).set()).containsExactly("STRIPE_KEY");
    assertThat(
            cloudflare.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.status() == 200)
                .count())
        .as("each name taken once; the refused PUT was sent again")
        .isEqualTo(2);
    assertThat(cloudflare.hasSecret(ACCOUNT, SCRIPT, "STRIPE_KEY", "stripe-key-value-00000001"))
        .isTrue();
  }

  @Test
  void a5xxPastTheRetries_failsTheWorker_namingWhatWasWritten() {
    cloudflare.passNext(2);
    cloudflare.failNext(4, 503);

    SyncReport report = sync();

    assertThat(worker(report).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(worker(report).reason()).isEqualTo("cloudflare:503");
    assertThat(worker(report).set()).containsExactly("POSTMARK_TOKEN");
  }
}
