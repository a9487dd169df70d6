package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.io.IOException;
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
    // nothing changed but the audit trail: every apply records one event
    assertThat(items(dynamo)).isEqualTo(afterFirst + 1);
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
  void lint_ofAMissingFile_isAUsageError_namingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    CliResult r = Cli.run("lint", missing.toString());

    assertThat(Files.exists(missing)).isFalse();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("keyturn: no such file: " + missing);
  }

  @Test
  void lint_everyFinding_carriesFileLineAndColumn() throws IOException {
    // the entry's list item: the line of its `- name:`, the column of `name`
    List<String> lines = Files.readAllLines(EXAMPLE);
    int line = lines.indexOf("  - name: HK_PLATFORM_FULL") + 1;

    CliResult r = Cli.run("lint", EXAMPLE.toString());

    assertThat(line).isPositive();
    assertThat(r.out())
        .contains(EXAMPLE + ":" + line + ":5: WARNING least-privilege HK_PLATFORM_FULL: ")
        .contains("    fix: ");
  }

  @Test
  @SuppressWarnings("unchecked")
  void lint_json_givesEveryFindingItsLocation() {
    CliResult r = Cli.run("lint", BROKEN.toString(), "--json");

    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) Json.map(r.out()).get("findings");
    assertThat(findings)
        .allSatisfy(f ->
            assertThat((Map<String, Object>) f.get("location"))
                .containsEntry("file", BROKEN.toString())
                .containsKeys("line", "column"));
  }

  @Test
  void lint_duplicateKeys_areAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("dup.yaml"), "version: 2\nversion: 1\nsecrets: []\n");

    CliResult r = Cli.run("lint", file.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(file + ":2:1: ERROR schema version: duplicate key `version` (first at line 1)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void lint_json_printsJsonForASyntaxErrorToo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nsecrets: [\n");

    CliResult r = Cli.run("lint", file.toString(), "--json");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    List<Map<String, Object>> findings =
        (List<Map<String, Object>>) Json.map(r.out()).get("findings");
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f).containsEntry("rule", "schema").containsEntry("severity", "ERROR");
          assertThat((String) f.get("message")).startsWith("not valid YAML: ");
          assertThat((Map<String, Object>) f.get("location")).containsEntry("line", 3);
        });
  }

  @Test
  void lint_anUnknownKey_suggestsTheNearestKnownOne(@TempDir Path dir) throws Exception {
    String yaml = Files.readString(EXAMPLE).replaceFirst("environments:", "enviroments:");
    Path file = Files.writeString(dir.resolve("typo.yaml"), yaml);

    CliResult r = Cli.run("lint", file.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("unknown key `enviroments` (did you mean `environments`?)");
  }

  @Test
  void lint_understandsAnchorsAndAliases_andRefusesABillionLaughs(@TempDir Path dir)
      throws Exception {
    String aliased =
        """
        version: 1
        secrets:
          - name: CF_DNS_EDIT_RAXX_APP
            source: {secretsManager: keyturn/prod/a}
            tags: &common
              function: dns-edit
              sensitivity: high
              consumer: terraform
              rotation: 90d
            environments: &prod [prod]
          - name: CF_WAF_EDIT_RAXX_APP
            source: {secretsManager: keyturn/prod/b}
            tags:
              <<: *common
              function: waf-edit
            environments: *prod
        """;
    Path ok = Files.writeString(dir.resolve("aliases.yaml"), aliased);
    StringBuilder laughs =
        new StringBuilder("version: 1\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 7; level++) {
      laughs.append("l").append(level).append(": &l").append(level).append(" [");
      laughs.append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (level - 1))));
      laughs.append("]\n");
    }
    Path bomb = Files.writeString(dir.resolve("laughs.yaml"), laughs);

    CliResult first = Cli.run("lint", ok.toString());
    CliResult second = Cli.run("lint", bomb.toString());

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(second.exit()).isEqualTo(1);
    assertThat(second.out()).contains("aliases expand to more than 10000 nodes");
  }

  private static long items(DynamoDbClient dynamo) {
    return dynamo.scan(b -> b.tableName(LocalAwsExtension.TABLE)).count();
  }
}
