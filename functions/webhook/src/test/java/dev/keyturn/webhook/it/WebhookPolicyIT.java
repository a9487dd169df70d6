package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.snapstart.CorePrimers;
import dev.keyturn.testing.iam.AwsCall;
import dev.keyturn.testing.iam.CallJournal;
import dev.keyturn.testing.iam.PolicyCoverage;
import dev.keyturn.testing.iam.TemplatePolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook role grants exactly what the webhook calls. Surefire's run (unit and integration
 * tests, before this) journals every AWS call with the webhook's classes on its stack ({@link
 * CallJournal}); each must be allowed by {@code WebhookFunction}'s policy in template.yaml, and
 * each grant must have been used or be listed below with the reason no test can record it.
 */
class WebhookPolicyIT {

  static final Path JOURNAL = Path.of("target/aws-calls/surefire.tsv");

  /** Grants no SDK call of the function records, and why they are still needed. */
  static final Map<String, String> NOT_RECORDED =
      Map.of(
          "DecryptManagedSecrets/kms:Decrypt",
          "Secrets Manager decrypts with the caller's credentials (kms:ViaService); keyturn never"
              + " calls KMS itself",
          "DecryptManagedParameters/kms:Decrypt",
          "SSM decrypts SecureString parameters with the caller's credentials (kms:ViaService)",
          "ReadWebhookParameters/ssm:GetParameters",
          "a webhook secret kept in SSM Parameter Store; no test source uses one yet");

  /**
   * Calls the role refuses on purpose, as the policy check words them, and why that is right. The
   * SnapStart primer walks the secret read path on a secret that does not exist: IAM refuses it,
   * since an absent secret carries no {@code keyturn:role} tag, and the primer tolerates that (the
   * request path is loaded all the same).
   */
  static final Map<String, String> REFUSED_ON_PURPOSE =
      Map.of(
          "secretsmanager:DescribeSecret on secretsmanager:secret:keyturn/"
              + CorePrimers.ABSENT_SECRET
              + "-AbCdEf is allowed by no statement of WebhookFunction",
          "the SnapStart primer's read of an absent secret: denied (no keyturn:role tag), which"
              + " the primer tolerates");

  @Test
  void everyCallOfTheWebhook_isAllowedByItsRole_andEveryGrantIsUsedOrExplained()
      throws IOException {
    assertThat(JOURNAL)
        .as("the journal surefire writes (run the whole build, not -Dtest=...)")
        .exists();

    PolicyCoverage coverage =
        PolicyCoverage.of(
            TemplatePolicy.of("WebhookFunction"),
            CallJournal.read(JOURNAL),
            List.of("dev.keyturn.webhook."));

    assertThat(coverage.calls()).as("calls made by the webhook's code").isGreaterThan(100);
    assertThat(coverage.refused())
        .as("calls the role refuses (list a deliberate one in REFUSED_ON_PURPOSE)")
        .isSubsetOf(REFUSED_ON_PURPOSE.keySet());
    assertThat(coverage.unusedGrants())
        .as("grants no call used (list the reason in NOT_RECORDED)")
        .containsExactlyInAnyOrderElementsOf(NOT_RECORDED.keySet());
  }

  @Test
  void webhookRole_cannotReadThePlatformTokens_norSyncsDigestKey() {
    TemplatePolicy policy = TemplatePolicy.of("WebhookFunction");

    for (String secret : List.of("keyturn/prod/hk-platform-full", "keyturn/sync/digest-key")) {
      assertThat(
              policy.refusal(
                  new AwsCall("secretsmanager:GetSecretValue", List.of(secret), List.of())))
          .as(secret)
          .isPresent();
    }
    assertThat(
            policy.refusal(
                new AwsCall(
                    "dynamodb:PutItem", List.of("t"), List.of("INVENTORY", "WEBHOOK#acme"))))
        .as("no inventory writes")
        .isPresent();
  }
}
