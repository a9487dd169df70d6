package dev.keyturn.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.scheme.Schemes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every read of a secret value by the CLI, and every apply, is in the audit trail under the
 * principal STS names (moto's), with the OS user as a hint, per entry, never with a value.
 */
@WithLocalAws
@WithHerokuStandIn
class AccessAuditTest {

  static CliWorld world;
  static String principal;
  static final String HINT = "keyturn-cli:" + System.getProperty("user.name");

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
    try (StsClient sts = StsClient.create()) {
      principal = sts.getCallerIdentity().arn();
    }
  }

  @Test
  void run_recordsOneReadPerEntry_underTheStsPrincipal() {
    Instant before = Instant.now();
    assertThat(Cli.run("run", "--env", "dev", "--", "true").exit()).isZero();

    List<Map<String, Object>> reads = since(before, "--kind", "read", "--actor", principal);

    assertThat(reads)
        .extracting(e -> e.get("subject"))
        .containsExactlyInAnyOrder(CliWorld.STRIPE, CliWorld.FREESCOUT);
    assertThat(reads)
        .allSatisfy(e -> {
          assertThat(e).containsEntry("action", "secret.read").containsEntry("outcome", "ok");
          assertThat(detail(e))
              .containsEntry("purpose", "run")
              .containsEntry("actorHint", HINT)
              .containsKey("source");
          assertThat((List<?>) e.get("versionIds")).hasSize(1);
        });
  }

  @Test
  void dotenvSync_recordsTheEntriesItWroteToFiles(@TempDir Path base) {
    Instant before = Instant.now();
    CliResult r = Cli.run("sync", "--no-heroku", "--dotenv", "--base-dir", base.toString());
    assertThat(r.exit()).as(r.toString()).isZero();

    List<Map<String, Object>> reads = since(before, "--kind", "read");

    assertThat(reads).extracting(e -> detail(e).get("purpose")).containsOnly("sync");
    assertThat(reads).extracting(e -> e.get("subject")).contains(CliWorld.HMAC, CliWorld.STRIPE);
  }

  @Test
  void statusCheckHeroku_recordsItsReads_andPlainStatusReadsNoValue(HerokuStandIn heroku) {
    heroku.createApp(CliWorld.APP);
    Instant before = Instant.now();
    assertThat(Cli.run("status", "--json").exit()).isZero();
    assertThat(since(before, "--kind", "read")).as("status without --check-heroku").isEmpty();

    List<String> args = new ArrayList<>(List.of("status", "--check-heroku", "--json"));
    args.addAll(world.herokuOptions(heroku));
    Cli.run(args.toArray(String[]::new));

    List<Map<String, Object>> reads = since(before, "--kind", "read", "--entry", CliWorld.HMAC);
    assertThat(reads).hasSize(1);
    assertThat(detail(reads.getFirst())).containsEntry("purpose", "status");
  }

  @Test
  void verifyWebhookWithSecretId_recordsTheReadUnderTheSecretsId(@TempDir Path dir)
      throws Exception {
    String id = "kt-cli/access-audit-webhook";
    String secret = SeededSecrets.generate("access-audit-webhook");
    world.secretsManager.createSecret(b -> b.name(id).secretString(secret));
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify-webhook",
                "--scheme",
                "github",
                "--secret-id",
                id,
                "--body-file",
                Files.write(dir.resolve("b.json"), body).toString()));
    Schemes.signer("github", Map.of())
        .sign(secret, body, Instant.now(), "d-1")
        .forEach((name, value) -> {
          args.add("-H");
          args.add(name + ": " + value);
        });
    Instant before = Instant.now();

    assertThat(Cli.run(args.toArray(String[]::new)).exit()).isZero();

    List<Map<String, Object>> reads = since(before, "--kind", "read", "--entry", id);
    assertThat(reads).hasSize(1);
    assertThat(detail(reads.getFirst())).containsEntry("purpose", "verify-webhook");
  }

  @Test
  void apply_isAuditedUnderTheStsPrincipal() throws Exception {
    Instant before = Instant.now();
    assertThat(Cli.run("apply", world.inventory.toString(), "--yes").exit()).isZero();

    List<Map<String, Object>> applies = since(before, "--kind", "apply");

    assertThat(applies).hasSize(1);
    assertThat(applies.getFirst())
        .containsEntry("actor", principal)
        .containsEntry("action", "inventory.apply");
    assertThat(detail(applies.getFirst())).containsEntry("actorHint", HINT);
  }

  @Test
  void filters_narrowByActorAndKind_andAnUnknownKindIsAUsageError() {
    assertThat(since(Instant.EPOCH.plusSeconds(1), "--actor", "arn:aws:iam::1:user/nobody"))
        .isEmpty();
    CliResult r = Cli.run("audit", "--kind", "reads");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--kind unknown kind 'reads'");
  }

  private static List<Map<String, Object>> since(Instant from, String... filters) {
    List<String> args =
        new ArrayList<>(List.of("audit", "--since", "1h", "--limit", "1000", "--json"));
    args.addAll(List.of(filters));
    CliResult r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    List<Map<String, Object>> all;
    try {
      all = Json.MAPPER.readValue(r.out(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("audit --json did not print a JSON array", e);
    }
    return all.stream()
        .filter(e -> !Instant.parse((String) e.get("at")).isBefore(from.minusMillis(5)))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> detail(Map<String, Object> event) {
    return (Map<String, String>) event.get("detail");
  }
}
