package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Source;
import dev.keyturn.local.LocalAws;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.aws.AwsSecretSource;
import dev.keyturn.secrets.aws.SecretsManagerSecrets;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.iam.AwsCall;
import dev.keyturn.testing.iam.AwsCallRecorder;
import dev.keyturn.testing.iam.TemplatePolicy;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The webhook role reads a webhook source's secret and no other managed secret: the read path the
 * function runs (DescribeSecret, GetSecretValue by version) against moto, each recorded call judged
 * by {@code WebhookFunction}'s policy on the tags moto holds when it is made ({@link
 * AwsCallRecorder}). The tags are written by apply's own reconciliation ({@link InventorySeeder}),
 * not by this test.
 */
@WithLocalAws
class WebhookSecretScopeTest {

  static final String HOOK = "keyturn/it/scope-hook";
  static final String PLATFORM = "keyturn/it/scope-platform-token";

  static SecretsManagerClient secretsManager;
  static SsmClient ssm;
  static SecretSource secrets;

  @BeforeAll
  static void start(LocalAws aws) {
    secretsManager = SecretsManagerClient.create();
    ssm = SsmClient.create();
    for (String name : List.of(HOOK, PLATFORM)) {
      secretsManager.createSecret(b -> b.name(name).secretString(SeededSecrets.generate("scope")));
    }
    new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE)
        .webhook("scope", "github", HOOK, "hex");
    secrets = new AwsSecretSource(secretsManager, ssm, new SecretsManagerSecrets(secretsManager));
  }

  @AfterAll
  static void stop() {
    secretsManager.close();
    ssm.close();
  }

  @Test
  void webhookRole_readsTheWebhookSecret_butIsDeniedAManagedSecretNotTaggedForIt() {
    TemplatePolicy policy = TemplatePolicy.of("WebhookFunction");

    List<AwsCall> hookReads = reads(new Source.SecretsManager(HOOK));
    List<AwsCall> platformReads = reads(new Source.SecretsManager(PLATFORM));

    assertThat(hookReads)
        .extracting(AwsCall::action)
        .contains("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue");
    assertThat(hookReads).allSatisfy(c -> assertThat(policy.refusal(c)).as(c.action()).isEmpty());
    assertThat(platformReads).isNotEmpty();
    assertThat(platformReads)
        .allSatisfy(c ->
            assertThat(policy.refusal(c))
                .as(c.action() + " of a secret without keyturn:role=webhook")
                .get()
                .asString()
                .contains(PLATFORM, "allowed by no statement of WebhookFunction"));
  }

  private static List<AwsCall> reads(Source source) {
    int mark = AwsCallRecorder.mark();
    assertThat(secrets.liveVersions(source)).as("moto itself grants everything").isNotEmpty();
    return AwsCallRecorder.since(mark);
  }
}
