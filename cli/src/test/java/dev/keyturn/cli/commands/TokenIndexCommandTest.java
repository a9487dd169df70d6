package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * examples/token-index.yaml (seed 002's index) through the CLI: it lints, applies, every entry
 * shows its mode, and an emergency rotation of everything would invent no value: the vendor entries
 * go to the vendor, every other one waits for a person.
 */
@WithLocalAws
class TokenIndexCommandTest {

  static final Path INDEX = Path.of("../examples/token-index.yaml");

  @BeforeAll
  static void apply() {
    try (SecretsManagerClient sm = SecretsManagerClient.create()) {
      for (var e : InventoryParser.parse(INDEX).requireValid().secrets()) {
        for (var source : e.allSources()) { // env-specific tokens: one source per environment
          sm.createSecret(b ->
              b.name(source.id()).secretString(SeededSecrets.generate("index-" + source.id())));
        }
      }
    }
    CliResult applied = Cli.run("apply", INDEX.toString());
    assertThat(applied.exit()).as(applied.toString()).isZero();
  }

  @Test
  void lint_findsNoError() {
    CliResult r = Cli.run("lint", INDEX.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("HK_PLATFORM_FULL", "least-privilege");
  }

  @Test
  void everyEntryShowsItsMode_twoVendor_andTheRestOperator() {
    List<Map<String, Object>> rows = json(Cli.run("status", "--json"));

    Map<Object, Long> byMode =
        rows.stream().collect(Collectors.groupingBy(r -> r.get("mode"), Collectors.counting()));
    assertThat(rows).hasSize(24);
    assertThat(byMode).containsOnly(Map.entry("vendor", 2L), Map.entry("operator", 22L));
  }

  @Test
  void rotatingEverything_inventsNoValue_vendorEntriesGoToTheVendor_othersNeedAPerson() {
    CliResult r = Cli.run("rotate", "--all", "--in-process", "--dry-run", "--json");

    assertThat(r.exit()).as(r.toString()).isZero();
    List<Map<String, Object>> rows = json(r);
    assertThat(rows).hasSize(24);
    assertThat(rows)
        .filteredOn(row -> "planned".equals(row.get("outcome")))
        .extracting(row -> row.get("name") + " " + row.get("mode"))
        .containsExactlyInAnyOrder("HK_PLATFORM_FULL vendor", "AWS_INFISICAL_BOOTSTRAP vendor");
    assertThat(rows)
        .filteredOn(row -> !"planned".equals(row.get("outcome")))
        .hasSize(22)
        .allSatisfy(row -> {
          assertThat(row)
              .containsEntry("mode", "operator")
              .containsEntry("outcome", "needs a value");
          assertThat((String) row.get("detail")).startsWith("create it at ");
        });
    assertThat(rows.getFirst()).containsEntry("sensitivity", "critical");
  }

  private static List<Map<String, Object>> json(CliResult r) {
    assertThat(r.exit()).as(r.toString()).isZero();
    try {
      return Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("not a JSON array", e);
    }
  }
}
