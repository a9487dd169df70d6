package dev.keyturn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.lint.Finding;
import dev.keyturn.inventory.lint.LintContext;
import dev.keyturn.inventory.lint.Linter;
import dev.keyturn.inventory.lint.OptionValidator;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.inventory.parse.ParsedInventory;
import dev.keyturn.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code webhooks[].overlapGrace}: parsed, defaulted, linted and stored. */
class OverlapGraceTest {

  private static ParsedInventory parse(String grace) {
    return InventoryParser.parse(
        """
        version: 1
        secrets:
          - name: FS_HOOK
            source: {secretsManager: keyturn/prod/fs-hook}
        webhooks:
          - source: fs-support
            scheme: freescout
            secret: FS_HOOK
        %s
        """
            .formatted(grace.indent(4).stripTrailing()),
        "test.yaml");
  }

  private static List<Finding> graceFindings(ParsedInventory parsed) {
    OptionValidator any = (type, options) -> List.of();
    return new Linter(new LintContext(Instant.EPOCH, any, any))
        .lint(parsed).findings().stream()
            .filter(f -> f.message().contains("overlapGrace"))
            .toList();
  }

  @Test
  void parse_readsTheDuration_andKeepsItOutOfTheSchemeOptions() {
    WebhookEntry entry = parse("overlapGrace: PT30M").inventory().webhook("fs-support").get();

    assertThat(entry.overlapGrace()).isEqualTo("PT30M");
    assertThat(entry.overlapGraceOrDefault()).isEqualTo(Duration.ofMinutes(30));
    assertThat(entry.options()).doesNotContainKey("overlapGrace");
  }

  @Test
  void overlapGrace_defaultsToOneHour_whenNotSet() {
    WebhookEntry entry = parse("").inventory().webhook("fs-support").get();

    assertThat(entry.overlapGrace()).isNull();
    assertThat(entry.overlapGraceOrDefault()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void lint_refusesABadOrNegativeDuration_namingTheEntry() {
    for (String bad : List.of("overlapGrace: 1h", "overlapGrace: PT-5M", "overlapGrace: soon")) {
      assertThat(graceFindings(parse(bad)))
          .as(bad)
          .singleElement()
          .satisfies(f -> {
            assertThat(f.entry()).isEqualTo("webhook fs-support");
            assertThat(f.message()).contains("not a zero or positive ISO-8601 duration");
          });
    }
    assertThat(graceFindings(parse("overlapGrace: PT0S"))).isEmpty();
    assertThat(graceFindings(parse("overlapGrace: P1D"))).isEmpty();
  }

  @Test
  void storedForm_roundTrips_andIsLeftOutWhenNotSet() {
    WebhookEntry with =
        new WebhookEntry("f", "freescout", "S", null, java.util.Map.of(), null, "PT2H");

    assertThat(Json.read(Json.write(with), WebhookEntry.class)).isEqualTo(with);
    assertThat(Json.write(with)).contains("\"overlapGrace\":\"PT2H\"");
    assertThat(Json.write(new WebhookEntry("f", "freescout", "S", null, java.util.Map.of())))
        .doesNotContain("overlapGrace");
  }
}
