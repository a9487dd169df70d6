package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.DynamoSyncStateStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.sync.Events;
import dev.keyturn.sync.SyncHandler;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.cloudflare.CloudflareStandIn;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The sync function as Lambda runs it, configured as template.yaml configures it (GITHUB_*,
 * CLOUDFLARE_*, KEYTURN_DIGEST_KEY_SECRET), publishing one entry to a GitHub environment, a GitHub
 * repository and a Cloudflare Worker: moto for the sources and tokens, DynamoDB Local for the state
 * (checked to hold keyed digests and no value), the stand-ins for the vendors.
 */
@WithLocalAws
@WithGithubStandIn
class SyncTargetsIntegrationTest {

  static final String GITHUB_TOKEN = "keyturn/it/github-token";
  static final String CLOUDFLARE_TOKEN = "keyturn/it/cloudflare-token";
  static final String DIGEST_KEY = "keyturn/it/sync-digest-key";

  static CloudflareStandIn cloudflare;
  static SecretsManagerClient secretsManager;
  static ApplicationContext context;
  static SyncHandler handler;

  GithubStandIn github;
  LocalAws aws;
  String value;

  @BeforeAll
  static void start(GithubStandIn github) {
    cloudflare = CloudflareStandIn.start();
    secretsManager = SecretsManagerClient.create();
    put(GITHUB_TOKEN, Json.write(Map.of("token", SeededSecrets.register(github.defaultToken()))));
    put(CLOUDFLARE_TOKEN, SeededSecrets.register(cloudflare.defaultToken()));
    put(DIGEST_KEY, SeededSecrets.generate("digest-key-0123456789abcdef0123456789"));
    context =
        ApplicationContext.run(
            Map.of(
                "github.api-url",
                github.baseUrl().toString(),
                "github.token-secret",
                GITHUB_TOKEN,
                "cloudflare.api-url",
                cloudflare.baseUrl().toString(),
                "cloudflare.api-token-secret",
                CLOUDFLARE_TOKEN,
                "keyturn.digest-key-secret",
                DIGEST_KEY,
                "heroku.api-token-secret",
                "keyturn/it/unused-heroku-token"));
    handler = new SyncHandler(context);
  }

  static void put(String name, String value) {
    secretsManager.createSecret(b -> b.name(name).secretString(value));
  }

  @AfterAll
  static void stop() {
    context.close();
    cloudflare.close();
    secretsManager.close();
  }

  @BeforeEach
  void world(GithubStandIn standIn, LocalAws localAws) {
    github = standIn;
    aws = localAws;
    cloudflare.reset();
    github.createEnvironment("raxx/raptor", "production");
    cloudflare.createScript("acc1", "edge");
  }

  void seed(String sourceId) {
    value = SeededSecrets.generate("pm-token");
    try {
      secretsManager.createSecret(b -> b.name(sourceId).secretString(value));
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException e) {
      secretsManager.putSecretValue(b -> b.secretId(sourceId).secretString(value));
    }
    var store = new DynamoInventoryStore(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE));
    store.apply(
        store.plan(
            InventoryParser.parse(
                    """
                    version: 1
                    secrets:
                      - name: PM_SERVER_TOKEN
                        source: {secretsManager: %s}
                        sinks:
                          - github: {repo: raxx/raptor, environment: production, var: POSTMARK_TOKEN}
                          - github: {repo: raxx/raptor, var: POSTMARK_TOKEN}
                          - cloudflare: {account: acc1, script: edge, var: POSTMARK_TOKEN}
                    """
                        .formatted(sourceId),
                    "it")
                .requireValid()));
  }

  @Test
  void scheduledSync_publishesToEveryTarget_once_andAgainOnlyWhenTheValueChanges() {
    seed("keyturn/it/pm-token");

    Map<String, Object> first = handler.handleRequest(Events.map("scheduled"), null);
    Map<String, Object> second = handler.handleRequest(Events.map("scheduled"), null);
    String rotated = SeededSecrets.generate("pm-token-rotated");
    secretsManager.putSecretValue(b -> b.secretId("keyturn/it/pm-token").secretString(rotated));
    handler.handleRequest(Events.map("scheduled"), null);

    assertThat(Json.write(first)).contains("\"outcome\":\"patched\"").doesNotContain("failed");
    assertThat(Json.write(second)).doesNotContain("patched");
    assertThat(github.hasSecret("raxx/raptor", "production", "POSTMARK_TOKEN", rotated)).isTrue();
    assertThat(github.hasSecret("raxx/raptor", null, "POSTMARK_TOKEN", rotated)).isTrue();
    assertThat(cloudflare.hasSecret("acc1", "edge", "POSTMARK_TOKEN", rotated)).isTrue();
    assertThat(github.countUnder("PUT", "/repos/raxx/raptor/"))
        .as("2 targets × 2 values")
        .isEqualTo(4);
    assertThat(cloudflare.count("PUT", "/client/v4/accounts/acc1/workers/scripts/edge/secrets"))
        .isEqualTo(2);
  }

  @Test
  void state_recordsAKeyedDigestPerTarget_andNoValue() {
    seed("keyturn/it/pm-token-2");

    handler.handleRequest(Events.map("scheduled"), null);

    var state = new DynamoSyncStateStore(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE));
    var github = state.vars("github:raxx/raptor@production").get("POSTMARK_TOKEN");
    var worker = state.vars("cloudflare:acc1/edge").get("POSTMARK_TOKEN");
    assertThat(github.digest()).startsWith("h1:").isNotEqualTo(worker.digest());
    assertThat(github.digest().contains(value)).isFalse();
    // the leak guard scans every table item for every seeded value after this class
  }
}
