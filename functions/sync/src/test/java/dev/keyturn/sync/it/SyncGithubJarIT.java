package dev.keyturn.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.sync.Events;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.TemplateFunction;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.github.GithubStandIn;
import dev.keyturn.testing.github.WithGithubStandIn;
import dev.keyturn.testing.lambda.LambdaRuntimeHarness;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The shaded jar, loaded by the Lambda runtime's own loader, publishing a GitHub environment
 * secret: Bouncy Castle's primitives inside the jar seal it, the stand-in opens it with libsodium.
 */
@WithLocalAws
@WithGithubStandIn
class SyncGithubJarIT {

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "github.token-secret", "keyturn/jar-it/github-token",
          "keyturn.digest-key-secret", "keyturn/jar-it/digest-key",
          "heroku.api-token-secret", "keyturn/jar-it/unused");
  private static LambdaRuntimeHarness fn;
  private static SecretsManagerClient secretsManager;

  @BeforeAll
  static void load(GithubStandIn github) {
    secretsManager = SecretsManagerClient.create();
    secretsManager.createSecret(b ->
        b.name("keyturn/jar-it/github-token")
            .secretString(SeededSecrets.register(github.defaultToken())));
    secretsManager.createSecret(b ->
        b.name("keyturn/jar-it/digest-key")
            .secretString(SeededSecrets.generate("jar-it-digest-key-0123456789abcdef")));
    PROPERTIES.forEach(System::setProperty);
    System.setProperty("github.api-url", github.baseUrl().toString());
    TemplateFunction function = TemplateFunction.of("SyncFunction");
    fn = LambdaRuntimeHarness.load(function.codeUri(), function.handler());
  }

  @AfterAll
  static void close() {
    if (fn != null) {
      fn.close();
    }
    PROPERTIES.keySet().forEach(System::clearProperty);
    System.clearProperty("github.api-url");
    secretsManager.close();
  }

  @Test
  void scheduledEvent_sealsTheValueInsideTheJar_andGithubOpensIt(
      GithubStandIn github, LocalAws aws) {
    github.createEnvironment("raxx/raptor", "production");
    String value = SeededSecrets.generate("jar-it-value");
    secretsManager.createSecret(b -> b.name("keyturn/jar-it/pm").secretString(value));
    var store = new DynamoInventoryStore(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE));
    store.apply(
        store.plan(
            InventoryParser.parse(
                    """
                    version: 1
                    secrets:
                      - name: PM_SERVER_TOKEN
                        source: {secretsManager: keyturn/jar-it/pm}
                        sinks:
                          - github: {repo: raxx/raptor, environment: production, var: POSTMARK_TOKEN}
                    """,
                    "jar-it")
                .requireValid()));

    Map<String, Object> report = Json.map(fn.invoke(Events.json("scheduled")));

    assertThat(Json.write(report)).contains("\"outcome\":\"patched\"");
    assertThat(github.hasSecret("raxx/raptor", "production", "POSTMARK_TOKEN", value)).isTrue();
  }
}
