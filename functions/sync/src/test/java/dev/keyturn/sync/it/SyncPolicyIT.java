package dev.keyturn.sync.it;

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
 * The sync role grants exactly what sync calls. Surefire's run (unit and integration tests, before
 * this) journals every AWS call with the sync function's classes on its stack ({@link
 * CallJournal}); each must be allowed by {@code SyncFunction}'s policy in template.yaml, and each
 * grant must have been used or be listed below with the reason no test can record it.
 */
class SyncPolicyIT {

  static final Path JOURNAL = Path.of("target/aws-calls/surefire.tsv");

  /** Grants no SDK call of the function records, and why they are still needed. */
  static final Map<String, String> NOT_RECORDED =
      Map.of(
          "DecryptViaSecretStores/kms:Decrypt",
          "Secrets Manager and SSM decrypt with the caller's credentials (kms:ViaService); keyturn"
              + " never calls KMS itself",
          "DeadLetters/sqs:SendMessage",
          "Lambda sends an asynchronous event that failed every retry to the dead-letter queue"
              + " with the function's role");

  @Test
  void everyCallOfSync_isAllowedByItsRole_andEveryGrantIsUsedOrExplained() throws IOException {
    assertThat(JOURNAL)
        .as("the journal surefire writes (run the whole build, not -Dtest=...)")
        .exists();

    PolicyCoverage coverage =
        PolicyCoverage.of(
            TemplatePolicy.of("SyncFunction"),
            CallJournal.read(JOURNAL),
            List.of("dev.keyturn.sync."));

    assertThat(coverage.calls()).as("calls made by sync's code").isGreaterThan(100);
    assertThat(coverage.refused()).as("calls the role refuses").isEmpty();
    assertThat(coverage.unusedGrants())
        .as("grants no call used (list the reason in NOT_RECORDED)")
        .containsExactlyInAnyOrderElementsOf(NOT_RECORDED.keySet());
  }

  @Test
  void syncRole_cannotScanOrDeleteTheTable_norWriteOtherFunctionsItems() {
    TemplatePolicy policy = TemplatePolicy.of("SyncFunction");

    assertThat(policy.refusal(new AwsCall("dynamodb:Scan", List.of("t"), List.of()))).isPresent();
    assertThat(
            policy.refusal(new AwsCall("dynamodb:DeleteItem", List.of("t"), List.of("INVENTORY"))))
        .isPresent();
    for (String key : List.of("WEBHOOK#acme", "SECRET#HK_DB", "INVENTORY")) {
      assertThat(policy.refusal(new AwsCall("dynamodb:PutItem", List.of("t"), List.of(key))))
          .as(key)
          .isPresent();
    }
  }
}
