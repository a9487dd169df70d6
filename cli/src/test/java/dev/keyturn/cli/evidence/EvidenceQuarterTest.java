package dev.keyturn.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.audit.AuditKind;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.WebhookHandler;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * A scripted quarter against the emulators, as an operator and the functions would live it: apply,
 * reads, rotations (Secrets Manager in-process, SSM, one that fails), syncs to Heroku and .env
 * files, rejected webhook deliveries through the real handler; then the bundle: its counts match
 * its own tables, it holds no value, and {@code evidence verify} passes.
 */
@WithLocalAws
@WithHerokuStandIn
class EvidenceQuarterTest {

  @Test
  void aQuarter_producesABundleWhoseCountsMatchItsTables(
      LocalAws aws, HerokuStandIn heroku, @TempDir Path dir) throws Exception {
    CliWorld world = CliWorld.seed(aws); // apply
    heroku.createApp(CliWorld.APP);
    List<String> herokuOptions = world.herokuOptions(heroku);

    ok("run", "--env", "dev", "--", "true");
    ok("run", "--env", "prod", "--", "true");
    ok("rotate", CliWorld.HMAC, "--in-process");
    SeededSecrets.register(world.secretValue(CliWorld.HMAC_ID));
    ok("rotate", CliWorld.STRIPE);
    SeededSecrets.register(world.parameterValue(CliWorld.STRIPE_ID));
    CliResult failed = Cli.run("rotate", CliWorld.ALPACA, "--in-process");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    List<String> sync = new ArrayList<>(List.of("sync", "--dotenv", "--base-dir", dir.toString()));
    sync.addAll(herokuOptions);
    ok(sync.toArray(String[]::new));
    int rejected = deliverUnsigned(2);

    String key;
    try (KmsClient kms = KmsClient.create()) {
      key = EvidenceCommandTest.signingKey(kms, KeySpec.RSA_2048);
    }
    Path bundle = dir.resolve("evidence-q");
    CliResult export =
        Cli.run(
            "evidence",
            "--since",
            "1d",
            "--out",
            bundle.toString(),
            "--kms-key",
            key,
            "--inventory",
            world.inventory.toString(),
            "--template",
            Path.of("..", "template.yaml").toString());
    assertThat(export.exit()).as(export.toString()).isZero();

    Map<String, Object> summary = Json.map(Files.readString(bundle.resolve("summary.json")));
    List<Map<String, Object>> matrix = EvidenceCommandTest.list(bundle.resolve("matrix.json"));
    List<Map<String, Object>> audit = EvidenceCommandTest.list(bundle.resolve("audit.json"));
    List<Map<String, Object>> sinks = EvidenceCommandTest.list(bundle.resolve("sinks.json"));
    List<Map<String, Object>> iam = EvidenceCommandTest.list(bundle.resolve("iam.json"));
    Map<String, Long> byKind =
        audit.stream()
            .collect(
                Collectors.groupingBy(
                    e -> AuditKind.of((String) e.get("action")).label(),
                    TreeMap::new,
                    Collectors.counting()));

    assertThat(toLongs(summary.get("eventsByKind"))).isEqualTo(byKind);
    // rejections for a source nobody configured are a metric only since the webhook stopped
    // writing one audit item per rejected request: the bundle shows none of them
    assertThat(byKind.keySet())
        .contains("apply", "read", "rotate", "sync")
        .doesNotContain("webhook");
    assertThat(summary.get("auditEvents")).isEqualTo(audit.size());
    assertThat(rejected).isEqualTo(2);
    assertThat(((Number) summary.get("webhookRejections")).intValue()).isZero();
    assertThat(((Number) summary.get("failedRotations")).longValue())
        .isEqualTo(
            audit.stream()
                .filter(e -> AuditKind.of((String) e.get("action")) == AuditKind.ROTATE)
                .filter(e -> ((String) e.get("outcome")).startsWith("failed"))
                .count());
    assertThat(audit)
        .filteredOn(e -> "rotation.finishSecret".equals(e.get("action")))
        .extracting(e -> e.get("subject"))
        .contains(CliWorld.HMAC);
    assertThat(toLongs(summary.get("entriesByMode")))
        .isEqualTo(
            matrix.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> (String) r.get("mode"), TreeMap::new, Collectors.counting())));
    assertThat(((Number) summary.get("unconfirmedSyncs")).longValue())
        .isEqualTo(sinks.stream().filter(s -> "unconfirmed".equals(s.get("confirmation"))).count());
    assertThat(summary).containsEntry("lintErrors", 0);
    assertThat(iam).extracting(f -> f.get("function")).contains("RotateFunction", "SyncFunction");

    CliResult verified = Cli.run("evidence", "verify", bundle.toString());
    assertThat(verified.exit()).as(verified.toString()).isZero();
    for (Path f : EvidenceCommandTest.files(bundle)) {
      String text = Files.readString(f);
      for (String secret : SeededSecrets.values()) {
        assertThat(text.contains(secret)).as("a value in " + f.getFileName()).isFalse();
      }
    }
  }

  /** Deliveries to a source nobody configured, through the real handler: each is rejected. */
  private static int deliverUnsigned(int count) {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE))) {
      WebhookHandler handler = new WebhookHandler(context);
      for (int i = 0; i < count; i++) {
        APIGatewayV2HTTPResponse response =
            handler.handleRequest(
                LocalFunctionUrl.event(
                    "POST",
                    "/webhooks/nobody-configured-this",
                    Map.of("content-type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8),
                    Instant.now()),
                LocalLambdaContext.of("keyturn-webhook"));
        assertThat(response.getStatusCode()).isEqualTo(404);
      }
    }
    return count;
  }

  private static void ok(String... args) {
    CliResult r = Cli.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> toLongs(Object map) {
    Map<String, Long> out = new TreeMap<>();
    ((Map<String, Object>) map).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
    return out;
  }
}
