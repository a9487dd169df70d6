package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The rotate and sweep roles grant exactly what each calls. Surefire's run (unit and integration
 * tests, before this) journals every AWS call with this module's classes on its stack ({@link
 * CallJournal}); a call under the rotation protocol is the rotate function's, one under the sweep
 * the sweep function's. Each must be allowed by that function's policy in template.yaml, and each
 * grant must have been used or be listed below with the reason no test can record it.
 */
class RolePoliciesIT {

  static final Path JOURNAL = Path.of("target/aws-calls/surefire.tsv");

  static final String VIA_SERVICE =
      "Secrets Manager and SSM encrypt and decrypt with the caller's credentials"
          + " (kms:ViaService); keyturn never calls KMS itself";
  static final String DEAD_LETTERS =
      "Lambda sends an asynchronous event that failed every retry to the dead-letter queue with"
          + " the function's role";

  static PolicyCoverage coverage(String function, List<String> madeBy) throws IOException {
    assertThat(JOURNAL)
        .as("the journal surefire writes (run the whole build, not -Dtest=...)")
        .exists();
    return PolicyCoverage.of(TemplatePolicy.of(function), CallJournal.read(JOURNAL), madeBy);
  }

  @Test
  void everyCallOfTheRotation_isAllowedByTheRotateRole_andEveryGrantIsUsedOrExplained()
      throws IOException {
    Map<String, String> notRecorded = ROTATE_NOT_RECORDED;

    PolicyCoverage coverage =
        coverage(
            "RotateFunction",
            List.of("dev.keyturn.rotate.RotateHandler", "dev.keyturn.rotate.protocol."));

    assertThat(coverage.calls()).as("calls made by the rotation").isGreaterThan(50);
    assertThat(coverage.refused()).as("calls the role refuses").isEmpty();
    assertThat(coverage.unusedGrants())
        .as("grants no call used (list the reason)")
        .containsExactlyInAnyOrderElementsOf(notRecorded.keySet());
  }

  @Test
  void everyCallOfTheSweep_isAllowedByTheSweepRole_andEveryGrantIsUsedOrExplained()
      throws IOException {
    Map<String, String> notRecorded = SWEEP_NOT_RECORDED;

    PolicyCoverage coverage =
        coverage(
            "SweepFunction",
            List.of("dev.keyturn.rotate.SweepHandler", "dev.keyturn.rotate.sweep."));

    assertThat(coverage.calls()).as("calls made by the sweep").isGreaterThan(10);
    assertThat(coverage.refused()).as("calls the role refuses").isEmpty();
    assertThat(coverage.unusedGrants())
        .as("grants no call used (list the reason)")
        .containsExactlyInAnyOrderElementsOf(notRecorded.keySet());
  }

  @Test
  void rotateAndSweepRoles_cannotWriteWebhookClaimsOrSyncState() {
    for (String function : List.of("RotateFunction", "SweepFunction")) {
      TemplatePolicy policy = TemplatePolicy.of(function);
      for (String key : List.of("WEBHOOK#acme", "SINK#heroku#app", "LEASE#heroku#app")) {
        assertThat(policy.refusal(new AwsCall("dynamodb:PutItem", List.of("t"), List.of(key))))
            .as(function + " " + key)
            .isPresent();
      }
    }
  }

  static final String SENDER_TOKENS =
      "the sender handover reads the Heroku and GitHub token secrets the template's parameters"
          + " name; the flow tests' token secrets carry test names no parameter resolves to";

  static final String LIFE_CYCLE_LATER =
      "the life cycle retires an hour after confirmation (retire-grace) and only for a rotated"
          + " entry with consumers; the sweep's tests through the handler do not get there"
          + " (LifecycleServiceTest and LifecycleFaultTest cover these calls on the fakes)";

  static final Map<String, String> ROTATE_NOT_RECORDED =
      Map.of(
          "ManagedSecretKeys/kms:Decrypt", VIA_SERVICE,
          "ManagedSecretKeys/kms:GenerateDataKey", VIA_SERVICE,
          "DeadLetters/sqs:SendMessage", DEAD_LETTERS,
          "SenderApiTokens/secretsmanager:GetSecretValue", SENDER_TOKENS);

  static final Map<String, String> SWEEP_NOT_RECORDED =
      Map.ofEntries(
          Map.entry("ManagedParameterKeys/kms:Decrypt", VIA_SERVICE),
          Map.entry("ManagedParameterKeys/kms:Encrypt", VIA_SERVICE),
          Map.entry("ManagedParameterKeys/kms:GenerateDataKey", VIA_SERVICE),
          Map.entry("ManagedSecretKeys/kms:Decrypt", VIA_SERVICE),
          Map.entry(
              "RandomPasswords/secretsmanager:GetRandomPassword",
              "the random-password generator of an SSM entry; the sweep's tests rotate hmac-key"
                  + " parameters only"),
          Map.entry("DeadLetters/sqs:SendMessage", DEAD_LETTERS),
          Map.entry("LifecycleReads/dynamodb:GetItem", LIFE_CYCLE_LATER),
          Map.entry("LifecycleReads/dynamodb:Query", LIFE_CYCLE_LATER),
          Map.entry("RetireManagedSecrets/secretsmanager:DescribeSecret", LIFE_CYCLE_LATER),
          Map.entry("RetireManagedSecrets/secretsmanager:GetSecretValue", LIFE_CYCLE_LATER),
          Map.entry(
              "RetireManagedSecrets/secretsmanager:UpdateSecretVersionStage", LIFE_CYCLE_LATER),
          Map.entry("RetireIamAccessKeys/iam:ListAccessKeys", LIFE_CYCLE_LATER),
          Map.entry("RetireIamAccessKeys/iam:DeleteAccessKey", LIFE_CYCLE_LATER),
          Map.entry("ManagedParameters/ssm:UnlabelParameterVersion", LIFE_CYCLE_LATER),
          Map.entry(
              "RotationOverrides/dynamodb:UpdateItem",
              "the SSM rotation takes a --force override only when a webhook sender without an"
                  + " API is behind; the sweep's tests through the handler sign no webhook"
                  + " (ParameterRefusalTest covers it on the fakes, RotationOverrideStore's"
                  + " contract test the adapter)"));
}
