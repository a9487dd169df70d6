package dev.keyturn.cli.demo;

import dev.keyturn.cli.common.ExitCode;
import dev.keyturn.local.LocalAwsBackends;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn demo}: the whole loop on this machine, against local AWS it starts and stops
 * itself. Never prints a secret value.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run keyturn end to end against a local AWS it starts (moto_server + DynamoDB Local, or",
      "LocalStack with KEYTURN_LOCAL_AWS=localstack where Docker runs):",
      "lint and apply the example inventory, seed its secrets, rotate the webhook secret",
      "through the real rotate handler, rotate the Postgres alternating-users entry against a",
      "real PostgreSQL (when installed) while an app's pool queries, sync the .env sink, verify",
      "webhooks signed with the old and the new secret through the real webhook handler, then",
      "clean up."
    },
    footer = {"", "Example:", "  keyturn demo", "  keyturn demo --inventory my-inventory.yaml"})
public final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description = "inventory to demo (default: ${DEFAULT-VALUE})")
  Path inventory = Path.of("examples/inventory.yaml");

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "where .env sinks and emulator logs go (default: ${DEFAULT-VALUE})")
  Path workDir = Path.of("target/keyturn-demo");

  @Option(
      names = "--local-aws",
      paramLabel = "BACKEND",
      description =
          "moto (moto_server + DynamoDB Local) or localstack (needs Docker)"
              + " (default: $KEYTURN_LOCAL_AWS, else moto)")
  String localAws = System.getenv(LocalAwsBackends.VARIABLE);

  @Option(
      names = "--heroku-app",
      paramLabel = "APP",
      description = "also sync a real Heroku app (default: $HEROKU_APP); needs HEROKU_API_KEY")
  String herokuApp = System.getenv("HEROKU_APP");

  @Option(
      names = "--heroku-api-url",
      paramLabel = "URL",
      description = "Heroku Platform API root (default: $HEROKU_API_URL or https://api.heroku.com)")
  URI herokuApiUrl =
      URI.create(
          Objects.requireNonNullElse(System.getenv("HEROKU_API_URL"), "https://api.heroku.com"));

  @Option(
      names = "--heroku-api-key-file",
      paramLabel = "FILE",
      description = "read the Heroku API token from a file instead of $HEROKU_API_KEY")
  Path herokuApiKeyFile;

  @Override
  public Integer call() throws Exception {
    Narrator say = new Narrator(spec.commandLine().getOut());
    try (DemoRun run = DemoRun.start(inventory, workDir, localAws, say, heroku())) {
      run.lintAndApply();
      run.applyAgainChangesNothing();
      run.seedSecrets();
      run.rotateWebhookSecret();
      run.rotateDatabase();
      run.syncDotenv();
      run.syncHeroku();
      run.verifyWebhooks();
      run.retireOldSecret();
    }
    say.done();
    return ExitCode.OK;
  }

  /** The real-Heroku step's settings, or null when no token or no app is configured. */
  private DemoHeroku heroku() throws java.io.IOException {
    String token =
        herokuApiKeyFile != null
            ? Files.readString(herokuApiKeyFile).strip()
            : System.getenv("HEROKU_API_KEY");
    if (token == null || token.isBlank() || herokuApp == null || herokuApp.isBlank()) {
      return null;
    }
    return new DemoHeroku(herokuApp, herokuApiUrl, token);
  }
}
