package dev.keyturn.cli.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.testing.telemetry.CapturedTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's done-when, end to end through the three shaded jars template.yaml deploys (rotate,
 * sweep, webhook), each loaded by the Lambda Java runtime's own handler loader and invoked with
 * event JSON, against moto, DynamoDB Local and the Heroku and GitHub stand-ins (which check every
 * request and answer against the vendors' published descriptions).
 *
 * <p>A generated webhook secret is rotated (the four steps, as Secrets Manager sends them) while a
 * warm webhook container keeps verifying deliveries signed with the old and the new value; the
 * sender is given the new secret once; the sweep drives the rotation to {@code retired} (retire
 * grace 0) and the old version loses AWSPREVIOUS; within the container's secret TTL a delivery
 * signed with the old value is 401 and counted {@code STALE_SECRET}. No delivery is lost: every
 * accepted one is on the bus exactly once.
 */
@WithLocalAws
@WithHerokuStandIn
@WithGithubStandIn
class WebhookSenderHandoverIT {

  /** The webhook container's secret TTL ({@code keyturn.webhook.secret-ttl}), kept short. */
  static final Duration SECRET_TTL = Duration.ofSeconds(2);

  /**
   * How long the warm webhook container keeps the sources ({@code keyturn.webhook.inventory-ttl}):
   * a source applied after it read them is known this long after.
   */
  static final Duration INVENTORY_TTL = Duration.ofSeconds(1);

  static final String APP = "hx-raptor-prod";
  static final String REPO = "hx/raptor";

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "keyturn.event-bus", "keyturn",
          "heroku.api-token-secret", "keyturn/test/hx-heroku-token",
          "github.token-secret", "keyturn/test/hx-github-token",
          "heroku.retry.base-delay", "10ms",
          "github.retry.base-delay", "10ms",
          "keyturn.lifecycle.retire-grace", "0s",
          "keyturn.webhook.secret-ttl", SECRET_TTL.toSeconds() + "s",
          "keyturn.webhook.inventory-ttl", INVENTORY_TTL.toSeconds() + "s");

  static Jars jars;
  static SecretsManagerRotationDriver driver;
  static State state;
  private HerokuStandIn heroku;
  private GithubStandIn github;

  @BeforeAll
  static void load(LocalAws aws, HerokuStandIn herokuStandIn, GithubStandIn githubStandIn) {
    PROPERTIES.forEach(System::setProperty);
    System.setProperty("heroku.api-url", herokuStandIn.baseUrl().toString());
    System.setProperty("github.api-url", githubStandIn.baseUrl().toString());
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    driver.createSecret(
        "keyturn/test/hx-heroku-token", SeededSecrets.register(herokuStandIn.defaultToken()));
    driver.createSecret(
        "keyturn/test/hx-github-token", SeededSecrets.register(githubStandIn.defaultToken()));
    state = new State(aws);
    jars = Jars.load();
  }

  @AfterAll
  static void close() {
    if (jars != null) {
      jars.close();
    }
    if (state != null) {
      state.close();
    }
    PROPERTIES.keySet().forEach(System::clearProperty);
    System.clearProperty("heroku.api-url");
    System.clearProperty("github.api-url");
  }

  @BeforeEach
  void standIns(HerokuStandIn herokuStandIn, GithubStandIn githubStandIn) {
    heroku = herokuStandIn;
    github = githubStandIn;
    state.drainForwarded();
  }

  @Test
  void herokuAppWebhookSender_getsTheNewSecretOnce_noDeliveryIsLost_andTheOldOneEndsStale() {
    heroku.createApp(APP);
    UUID[] id = new UUID[1];
    Hooked hook =
        hooked(
            "heroku",
            first -> {
              id[0] = heroku.createAppWebhook(APP, "https://keyturn.example/webhooks/h", first);
              return new SenderBinding.Heroku(APP, id[0].toString());
            });

    Handover handover = rotateThroughTheHandover(hook);

    String patch = "/apps/" + APP + "/webhooks/" + id[0];
    assertThat(heroku.requests())
        .filteredOn(r -> r.method().equals("PATCH") && r.path().equals(patch))
        .as("one PATCH of the app webhook")
        .hasSize(1);
    assertThat(heroku.appWebhookSignsWith(APP, id[0], handover.newValue())).isTrue();
    retireAndExpectTheOldVersionStale(hook, handover);
  }

  @Test
  void githubRepositoryWebhookSender_getsTheNewSecretOnce_noDeliveryIsLost_andTheOldOneEndsStale() {
    long[] id = new long[1];
    Hooked hook =
        hooked(
            "github",
            first -> {
              id[0] = github.createHook(REPO, "https://keyturn.example/webhooks/g", first);
              return new SenderBinding.Github(REPO, id[0]);
            });

    Handover handover = rotateThroughTheHandover(hook);

    assertThat(github.count("PATCH", "/repos/" + REPO + "/hooks/" + id[0] + "/config"))
        .as("one PATCH of the hook's config")
        .isEqualTo(1);
    assertThat(github.hookSignsWith(REPO, id[0], handover.newValue())).isTrue();
    retireAndExpectTheOldVersionStale(hook, handover);
    github.assertNoContractViolations();
  }

  /** A generated webhook secret in moto and the inventory, its sender set up with its value. */
  private Hooked hooked(String scheme, Function<String, SenderBinding> sender) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String first = SeededSecrets.generate("hx");
    String secretId = "keyturn/test/hx-" + suffix;
    String arn = driver.createSecret(secretId, first).arn();
    String source = scheme + "-" + suffix;
    state.addHook("HX_" + suffix.toUpperCase(), secretId, source, scheme, sender.apply(first));
    sleep(INVENTORY_TTL); // the warm container may have read the sources before
    return new Hooked("HX_" + suffix.toUpperCase(), arn, source, scheme, first);
  }

  /**
   * The rotation's four steps through the rotate jar, with deliveries signed with the old and the
   * new value through the warm webhook jar around each; every one verifies.
   */
  private Handover rotateThroughTheHandover(Hooked hook) {
    Deliveries deliveries = new Deliveries(jars, hook.source(), hook.scheme());
    deliveries.expect(hook.firstValue(), 202); // warm: the container caches the versions
    String token = driver.startRotation(hook.arn());

    jars.rotationStep("createSecret", hook.arn(), token);
    String newValue = SeededSecrets.register(driver.valueOf(hook.arn(), token));
    deliveries.expect(hook.firstValue(), 202);
    deliveries.expect(newValue, 202); // AWSPENDING verifies: the sender may switch early
    jars.rotationStep("setSecret", hook.arn(), token);
    jars.rotationStep("testSecret", hook.arn(), token);
    deliveries.expect(hook.firstValue(), 202);
    jars.rotationStep("finishSecret", hook.arn(), token);
    deliveries.expect(hook.firstValue(), 202); // AWSPREVIOUS: a delivery signed before the PATCH
    deliveries.expect(newValue, 202);

    assertThat(state.sighting(hook.source()))
        .as("the last delivery, on the new version, is the sighting")
        .contains(token);
    assertThat(state.forwardedBodies())
        .as("every accepted delivery on the bus exactly once")
        .containsExactlyInAnyOrderElementsOf(deliveries.accepted());
    return new Handover(token, newValue, deliveries);
  }

  private void retireAndExpectTheOldVersionStale(Hooked hook, Handover handover) {
    LifecycleStage stage = null;
    for (int pass = 0; pass < 3 && stage != LifecycleStage.RETIRED; pass++) {
      jars.sweep();
      stage = state.stage(hook.entry(), handover.token());
    }
    assertThat(stage).isEqualTo(LifecycleStage.RETIRED);
    // moto lists a version without labels; Secrets Manager leaves it out of VersionIdsToStages
    assertThat(driver.stages(hook.arn()))
        .as("AWSPREVIOUS evicted")
        .containsEntry(handover.token(), List.of("AWSCURRENT"))
        .allSatisfy((version, stages) -> assertThat(stages).doesNotContain("AWSPREVIOUS"));

    sleep(SECRET_TTL);
    state.drainForwarded();
    CapturedTelemetry telemetry = CapturedTelemetry.start();
    handover.deliveries().expect(hook.firstValue(), 401);
    String current = handover.deliveries().expect(handover.newValue(), 202);

    List<String> reasons = new ArrayList<>();
    for (JsonNode line : telemetry.emf("WebhooksRejected")) {
      if (line.has("Reason")) {
        reasons.add(line.path("Reason").asText());
      }
    }
    assertThat(reasons).containsExactly("STALE_SECRET");
    assertThat(state.forwardedBodies())
        .as("the stale delivery is not forwarded; the current one is, once")
        .containsExactly(current);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Hooked(
      String entry, String arn, String source, String scheme, String firstValue) {}

  private record Handover(String token, String newValue, Deliveries deliveries) {}
}
