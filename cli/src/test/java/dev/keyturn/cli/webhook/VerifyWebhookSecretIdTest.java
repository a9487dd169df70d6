package dev.keyturn.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.scheme.Schemes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code verify-webhook --secret-id}: the live versions read from Secrets Manager as the function
 * reads them, and the answer names the version label that matched, never the value.
 */
@WithLocalAws
class VerifyWebhookSecretIdTest {

  static final byte[] BODY = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aDeliverySignedWithThePreviousVersion_isVerifiedWithAWSPREVIOUS(@TempDir Path dir)
      throws Exception {
    String id = "kt-cli/verify-webhook-secret";
    String previous = SeededSecrets.generate("webhook-previous");
    String current = SeededSecrets.generate("webhook-current");
    String previousVersion;
    try (SecretsManagerClient sm = SecretsManagerClient.create()) {
      previousVersion = sm.createSecret(b -> b.name(id).secretString(previous)).versionId();
      sm.putSecretValue(b -> b.secretId(id).secretString(current));
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify-webhook",
                "--scheme",
                "github",
                "--secret-id",
                id,
                "--body-file",
                Files.write(dir.resolve("body.json"), BODY).toString()));
    Schemes.signer("github", Map.of())
        .sign(previous, BODY, Instant.now(), "d-1")
        .forEach((name, value) -> {
          args.add("-H");
          args.add(name + ": " + value);
        });

    CliResult r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip())
        .isEqualTo("verified with AWSPREVIOUS (version " + previousVersion + ")");
  }

  @Test
  void aSecretThatIsNotThere_failsInOneLine() throws Exception {
    Path body = Files.write(Files.createTempFile("body", ".json"), BODY);

    CliResult r =
        Cli.run(
            "verify-webhook",
            "--scheme",
            "github",
            "--secret-id",
            "kt-cli/no-such-webhook-secret",
            "--body-file",
            body.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("keyturn: ").contains("kt-cli/no-such-webhook-secret");
  }
}
