package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class LintApplyCommandTest {

  static final Path EXAMPLE = Path.of("../examples/inventory.yaml");
  static final Path BROKEN = Path.of("../core/src/test/resources/inventory/broken.yaml");

  @Test
  void lint_exitsZero_onTheExampleInventory() {
    CliResult r = Cli.run("lint", EXAMPLE.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 errors");
  }

  @Test
  @SuppressWarnings("unchecked")
  void lint_exitsOne_withOneFindingPerRule_onTheBrokenInventory() {
    CliResult r = Cli.run("lint", BROKEN.toString(), "--json");

    assertThat(r.exit()).isEqualTo(1);
    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) Json.map(r.out()).get("findings");
    Map<Object, Long> perRule =
        findings.stream().collect(Collectors.groupingBy(f -> f.get("rule"), Collectors.counting()));
    assertThat(perRule.keySet()).containsExactlyInAnyOrderElementsOf(Linter.RULE_IDS);
    assertThat(perRule.values()).allMatch(n -> n == 1L);
  }

  @Test
  void lint_printsEveryFindingWithItsFix_asText() {
    CliResult r = Cli.run("lint", BROKEN.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("DH_DNS_MGMT", "duplicate-name", "fix: ");
  }

  @Test
  void apply_dryRun_writesNothing(DynamoDbClient dynamo) {
    long before = items(dynamo);

    CliResult r = Cli.run("apply", EXAMPLE.toString(), "--dry-run");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("plan (dry run, nothing written)", "+ ", "FS_SUPPORT_WEBHOOK");
    assertThat(items(dynamo)).isEqualTo(before);
  }

  @Test
  void apply_writesTheInventory_andASecondApplyChangesNothing(DynamoDbClient dynamo) {
    CliResult first = Cli.run("apply", EXAMPLE.toString());
    long afterFirst = items(dynamo);
    CliResult second = Cli.run("apply", EXAMPLE.toString());

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.out()).contains("applied:").doesNotContain(": 0 to add");
    assertThat(afterFirst).isPositive();
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("table is up to date");
    assertThat(items(dynamo)).isEqualTo(afterFirst);
  }

  @Test
  void apply_refusesAnInventoryWithLintErrors_andWritesNothing(DynamoDbClient dynamo) {
    long before = items(dynamo);

    CliResult r = Cli.run("apply", BROKEN.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not applied: fix the lint errors first");
    assertThat(items(dynamo)).isEqualTo(before);
  }

  @Test
  void lint_ofAMissingFile_saysSoInOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    CliResult r = Cli.run("lint", missing.toString());

    assertThat(Files.exists(missing)).isFalse();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("keyturn: ").doesNotContain("\tat ");
  }

  private static long items(DynamoDbClient dynamo) {
    return dynamo.scan(b -> b.tableName(LocalAwsExtension.TABLE)).count();
  }
}
