package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.state.SenderPush;
import dev.keyturn.state.dynamodb.DynamoSenderPushStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.RecordedRequest;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotations of webhook secrets whose senders have an API, through {@link RotateHandler} from event
 * JSON, against moto, DynamoDB Local and the Heroku and GitHub stand-ins (each checks every request
 * and answer against the vendor's published description): the sender gets the new value exactly
 * once, and a failed push retried by the rotation converges without ever sending an old value.
 */
@WithLocalAws
@WithHerokuStandIn
@WithGithubStandIn
class SenderHandoverFlowTest {

  private static final String[] PROPERTIES = {
    "heroku.api-token-secret",
    "github.api-url",
    "github.token-secret",
    "github.retry.base-delay",
    "heroku.retry.base-delay"
  };
  private static final String APP = "raxx-raptor-prod";
  private static final String REPO = "raxx/raptor";

  private static RotateFunctionFixture fn;
  private static DynamoSenderPushStore pushes;
  private HerokuStandIn heroku;
  private GithubStandIn github;

  @BeforeAll
  static void start(LocalAws aws, HerokuStandIn herokuStandIn, GithubStandIn githubStandIn) {
    System.setProperty("heroku.api-token-secret", "keyturn/test/sender-heroku-token");
    System.setProperty("github.api-url", githubStandIn.baseUrl().toString());
    System.setProperty("github.token-secret", "keyturn/test/sender-github-token");
    System.setProperty("github.retry.base-delay", "10ms");
    System.setProperty("heroku.retry.base-delay", "10ms");
    fn = RotateFunctionFixture.start(aws, herokuStandIn.baseUrl());
    // the handler reads the tokens at its first push, not at start
    fn.driver.createSecret(
        "keyturn/test/sender-heroku-token", SeededSecrets.register(herokuStandIn.defaultToken()));
    fn.driver.createSecret(
        "keyturn/test/sender-github-token", SeededSecrets.register(githubStandIn.defaultToken()));
    pushes = new DynamoSenderPushStore(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE));
  }

  @AfterAll
  static void stop() {
    fn.close();
    for (String p : PROPERTIES) {
      System.clearProperty(p);
    }
  }

  @BeforeEach
  void standIns(HerokuStandIn herokuStandIn, GithubStandIn githubStandIn) {
    heroku = herokuStandIn;
    github = githubStandIn;
  }

  /** A webhook secret (hmac-key) in moto and the inventory, signed by the given sender. */
  private record Hooked(SecretEntry entry, String arn, String source, String firstValue) {}

  private Hooked hooked(String scheme, java.util.function.Function<String, SenderBinding> sender) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String first = SeededSecrets.generate("hook");
    SecretEntry entry =
        Entries.secretsManager(
            "RX_HOOK_" + suffix.toUpperCase(),
            "keyturn/test/hook-" + suffix,
            "hmac-key",
            Map.of("format", "hex"));
    var created = fn.managedSecret(entry, first);
    String source = scheme + "-" + suffix;
    fn.inventory.add(
        new WebhookEntry(source, scheme, entry.name(), null, Map.of(), sender.apply(first)));
    return new Hooked(entry, created.arn(), source, first);
  }

  private Hooked herokuHooked(UUID[] webhookId) {
    heroku.createApp(APP);
    return hooked(
        "heroku",
        first -> {
          webhookId[0] = heroku.createAppWebhook(APP, "https://keyturn.example/webhooks/h", first);
          return new SenderBinding.Heroku(APP, webhookId[0].toString());
        });
  }

  private Hooked githubHooked(long[] hookId) {
    return hooked(
        "github",
        first -> {
          hookId[0] = github.createHook(REPO, "https://keyturn.example/webhooks/g", first);
          return new SenderBinding.Github(REPO, hookId[0]);
        });
  }

  private long herokuPatches(UUID id, int status) {
    String path = "/apps/" + APP + "/webhooks/" + id;
    return heroku.requests().stream()
        .filter(r -> r.method().equals("PATCH") && r.path().equals(path) && r.status() == status)
        .count();
  }

  private long githubPatches(long id) {
    return github.count("PATCH", "/repos/" + REPO + "/hooks/" + id + "/config");
  }

  @Test
  void rotation_ofAHerokuAppWebhookSecret_setsTheNewSecretAtHeroku_withOnePatch() {
    UUID[] id = new UUID[1];
    Hooked s = herokuHooked(id);
    Instant before = Instant.now().minusSeconds(1);
    String token = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), token);

    String newValue = fn.driver.valueOf(s.arn(), token);
    SecretParts.register("hmac-key", newValue);
    assertThat(heroku.appWebhookSignsWith(APP, id[0], newValue)).isTrue();
    assertThat(herokuPatches(id[0], 200)).isEqualTo(1);
    assertThat(heroku.requests())
        .extracting(RecordedRequest::method)
        .as("no read of the webhook: one PATCH is the handover's only Heroku call")
        .containsExactly("PATCH");
    SenderPush push = pushes.push(s.source(), token).orElseThrow();
    assertThat(push.target()).isEqualTo("heroku:" + APP + "/" + id[0]);
    assertThat(push.pushedAt()).isAfter(before);
    assertThat(fn.audit.since(before, s.entry().name(), 50))
        .filteredOn(e -> e.action().equals("webhook.sender.push"))
        .extracting(AuditEvent::outcome)
        .containsExactly("pushed");
    assertThat(fn.rotations.rotation(s.entry().name(), token).orElseThrow().status())
        .isEqualTo("completed");
  }

  @Test
  void rotation_ofAGithubRepositoryWebhookSecret_setsTheNewSecretAtGithub_withOnePatch() {
    long[] id = new long[1];
    Hooked s = githubHooked(id);
    String token = fn.driver.startRotation(s.arn());

    fn.run.allSteps(s.arn(), token);

    String newValue = fn.driver.valueOf(s.arn(), token);
    SecretParts.register("hmac-key", newValue);
    assertThat(github.hookSignsWith(REPO, id[0], newValue)).isTrue();
    assertThat(githubPatches(id[0])).isEqualTo(1);
    assertThat(github.requests()).hasSize(1);
    assertThat(pushes.push(s.source(), token)).isPresent();
  }

  @Test
  void aHerokuOutageAtThePush_failsFinishSecret_andTheRetriedRotationPushesTheNewValueOnce() {
    UUID[] id = new UUID[1];
    Hooked s = herokuHooked(id);
    String token = fn.driver.startRotation(s.arn());
    heroku.failNext(4, 503); // every attempt of the first finishSecret's PATCH

    assertThatThrownBy(() -> fn.run.allSteps(s.arn(), token))
        .isInstanceOf(dev.keyturn.rotate.sender.SenderHandoverException.class);
    assertThat(heroku.appWebhookSignsWith(APP, id[0], s.firstValue()))
        .as("nothing changed at Heroku yet")
        .isTrue();
    assertThat(fn.rotations.rotation(s.entry().name(), token).orElseThrow().status())
        .isEqualTo("failed");

    int passes = fn.run.untilDone(s.arn(), token, 3, step -> {});

    String newValue = fn.driver.valueOf(s.arn(), token);
    SecretParts.register("hmac-key", newValue);
    assertThat(passes).isEqualTo(1);
    assertThat(heroku.appWebhookSignsWith(APP, id[0], newValue)).isTrue();
    assertThat(herokuPatches(id[0], 200)).as("one PATCH took effect").isEqualTo(1);
    assertThat(fn.rotations.rotation(s.entry().name(), token).orElseThrow().status())
        .isEqualTo("completed");
  }

  @Test
  void aGithubOutageAtThePush_thenRetry_converges_andASecondRotationPushesOnlyItsOwnValue() {
    long[] id = new long[1];
    Hooked s = githubHooked(id);
    String first = fn.driver.startRotation(s.arn());
    github.failNext(4, 502);

    assertThatThrownBy(() -> fn.run.allSteps(s.arn(), first))
        .isInstanceOf(dev.keyturn.rotate.sender.SenderHandoverException.class);
    fn.run.untilDone(s.arn(), first, 3, step -> {});
    String second = fn.driver.startRotation(s.arn());
    fn.run.allSteps(s.arn(), second);
    fn.run.step("finishSecret", s.arn(), second); // a repeated invocation

    String newest = fn.driver.valueOf(s.arn(), second);
    SecretParts.register("hmac-key", newest);
    SecretParts.register("hmac-key", fn.driver.valueOf(s.arn(), first));
    assertThat(github.hookSignsWith(REPO, id[0], newest)).isTrue();
    assertThat(github.requests().stream().filter(r -> r.status() == 200).count())
        .as("one effective PATCH per rotation")
        .isEqualTo(2);
    assertThat(pushes.pushes(s.source()))
        .extracting(SenderPush::versionId)
        .containsExactlyInAnyOrder(first, second);
  }
}
