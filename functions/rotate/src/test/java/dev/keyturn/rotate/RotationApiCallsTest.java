package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.AwsCallTap;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counts the AWS API calls of one full random-password rotation through the handler (the SDK
 * clients the function builds report each call to {@link AwsCallTap}) and compares the Secrets
 * Manager share with AWS's Python rotation template for the same secret. The breakdown is written
 * to {@code target/rotation-api-calls.md}.
 */
@WithLocalAws
class RotationApiCallsTest {

  /**
   * Secrets Manager calls of one full rotation by AWS's template, counted from its source
   * (aws-samples/aws-secrets-manager-rotation-lambdas, SecretsManagerRotationTemplate/
   * lambda_function.py): the handler's guard calls describe_secret before every step (4);
   * create_secret calls get_secret_value(AWSCURRENT), get_secret_value(token, AWSPENDING) (not
   * found), get_random_password and put_secret_value (4); set_secret and test_secret are left to
   * the implementer (0); finish_secret calls describe_secret and update_secret_version_stage twice,
   * to move AWSCURRENT and then to remove AWSPENDING (3).
   */
  static final Map<String, Integer> TEMPLATE_CALLS =
      Map.of(
          "DescribeSecret", 5,
          "GetSecretValue", 2,
          "GetRandomPassword", 1,
          "PutSecretValue", 1,
          "UpdateSecretVersionStage", 2);

  private static RotateFunctionFixture fn;

  @BeforeAll
  static void start(LocalAws aws) {
    fn = RotateFunctionFixture.start(aws, null);
  }

  @AfterAll
  static void stop() {
    fn.close();
  }

  @Test
  void fullRotation_makesNoMoreSecretsManagerCallsThanAwsTemplate() throws IOException {
    SecretEntry entry =
        Entries.secretsManager(
            "RX_DB_PASSWORD", "keyturn/test/db-password", "random-password", Map.of());
    var created = fn.managedSecret(entry, SeededSecrets.generate("db-password"));
    String token = fn.driver.startRotation(created.arn());
    AwsCallTap.reset();

    fn.run.allSteps(created.arn(), token);

    SecretParts.register("random-password", fn.driver.valueOf(created.arn(), token));
    Map<String, Long> ours = AwsCallTap.countsByOperation();
    long oursSecretsManager = sum(ours, "SecretsManager.");
    int template = TEMPLATE_CALLS.values().stream().mapToInt(Integer::intValue).sum();
    writeReport(ours, template);
    assertThat(oursSecretsManager).isLessThanOrEqualTo(template);
    assertThat(ours).containsEntry("SecretsManager.GetRandomPassword", 1L);
    assertThat(ours).containsEntry("EventBridge.PutEvents", 1L);
  }

  /**
   * An operator-assisted rotation (the value a person supplied goes through the same four steps,
   * driven by keyturn without RotateSecret) makes the same kinds of calls as a generated one, less
   * GetRandomPassword, plus the supplied value's checks and the retire task.
   */
  @Test
  void operatorRotation_countsItsCalls_andAsksNoVendorAndNoRandomPassword() throws IOException {
    SecretEntry entry =
        new SecretEntry(
            "ALP_PAPER_TRADING",
            new dev.keyturn.inventory.Source.SecretsManager("keyturn/test/alp-paper"),
            dev.keyturn.inventory.Tags.of("trading-paper", "medium", "raptor", "180d"),
            List.of("prod"),
            null,
            null,
            null,
            "non-expiring",
            List.of("paper"),
            null,
            List.of());
    fn.managedSecret(entry, SeededSecrets.generate("alpaca-old"));
    var operator =
        fn.handler
            .getApplicationContext()
            .getBean(dev.keyturn.rotate.operator.OperatorRotation.class);
    AwsCallTap.reset();
    AwsCallTap.arm(true);
    Object outcome;
    try {
      outcome = operator.rotate(entry, SeededSecrets.generate("alpaca-new"), (step, out) -> {});
    } finally {
      AwsCallTap.arm(false);
    }

    Map<String, Long> ours = AwsCallTap.countsByOperation();
    writeReport(
        "operator (supplied value, Secrets Manager)", ours, "rotation-api-calls-operator.md");
    assertThat(outcome).isInstanceOf(dev.keyturn.rotate.operator.OperatorRotation.Rotated.class);
    assertThat(ours).doesNotContainKey("SecretsManager.GetRandomPassword");
    assertThat(ours).containsEntry("SecretsManager.PutSecretValue", 1L);
    assertThat(ours).containsEntry("SecretsManager.UpdateSecretVersionStage", 2L);
    assertThat(ours).containsEntry("EventBridge.PutEvents", 1L);
    assertThat(sum(ours, "SecretsManager.")).isLessThanOrEqualTo(12);
  }

  private static void writeReport(String title, Map<String, Long> ours, String file)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# AWS API calls per rotation: " + title);
    lines.add("");
    lines.add("| operation | calls |");
    lines.add("|---|---|");
    ours.forEach((op, n) -> lines.add("| " + op + " | " + n + " |"));
    Path report = Path.of("target", file);
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    System.out.println(String.join(System.lineSeparator(), lines));
  }

  private static long sum(Map<String, Long> counts, String prefix) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static void writeReport(Map<String, Long> ours, int template) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# AWS API calls per full rotation (random-password, one secret)");
    lines.add("");
    lines.add("| service | keyturn | AWS Python template |");
    lines.add("|---|---|---|");
    Map<String, Long> byService = new TreeMap<>();
    ours.forEach((op, n) -> byService.merge(op.substring(0, op.indexOf('.')), n, Long::sum));
    byService.forEach((service, n) ->
        lines.add(
            "| "
                + service
                + " | "
                + n
                + " | "
                + (service.equals("SecretsManager") ? template : 0)
                + " |"));
    lines.add(
        "| total | "
            + byService.values().stream().mapToLong(Long::longValue).sum()
            + " | "
            + template
            + " |");
    lines.add("");
    lines.add("| operation | keyturn |");
    lines.add("|---|---|");
    ours.forEach((op, n) -> lines.add("| " + op + " | " + n + " |"));
    lines.add("");
    lines.add("Template by operation: " + new TreeMap<>(TEMPLATE_CALLS));
    Path report = Path.of("target", "rotation-api-calls.md");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    System.out.println(String.join(System.lineSeparator(), lines));
  }
}
