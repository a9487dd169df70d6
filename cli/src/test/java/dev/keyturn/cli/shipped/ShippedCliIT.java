package dev.keyturn.cli.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.CliResult;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.webhook.scheme.Schemes;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shipped binary does that only a process of its own shows: its version, shell completion,
 * a real terminal (prompt, colour, the waiting line), a clean environment (no region, no
 * credentials), stdin, and --debug. AWS is the local AWS.
 */
@WithLocalAws
class ShippedCliIT {

  static final Path EXAMPLE = Path.of("../examples/inventory.yaml");

  @TempDir Path dir;

  private static Map<String, String> local(LocalAws aws) {
    Map<String, String> env = new HashMap<>(aws.environment());
    env.put("KEYTURN_TABLE", LocalAwsExtension.TABLE);
    return env;
  }

  @Test
  void version_printsTheProjectVersionAndTheGitCommit() throws Exception {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();

    CliResult r = ShippedCli.with(Map.of()).run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out().strip())
        .startsWith("keyturn " + System.getProperty("project.version", "0.1.0-SNAPSHOT"))
        .contains("(commit " + head.substring(0, 12));
  }

  @Test
  void completion_bash_completesCommandsAndOptions() throws Exception {
    Path script = dir.resolve("keyturn.bash");
    Files.writeString(script, ShippedCli.with(Map.of()).run("completion", "bash").out());

    String commands = complete("bash", script, "keyturn sta");
    String options = complete("bash", script, "keyturn status --wi");
    String formats = complete("bash", script, "keyturn status --output t");

    assertThat(commands.lines()).containsExactly("status");
    assertThat(options.lines()).containsExactly("--wide");
    assertThat(formats.lines()).containsExactly("table", "text");
  }

  @Test
  void completion_zsh_loadsAndCompletesThroughBashcompinit() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
        "zsh is not installed");
    Path script = dir.resolve("keyturn.zsh");
    Files.writeString(script, ShippedCli.with(Map.of()).run("completion", "zsh").out());

    Process registered =
        new ProcessBuilder("zsh", "-c", "source " + script + "; print -r -- $_comps[keyturn]")
            .redirectErrorStream(true)
            .start();
    String comps = new String(registered.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(registered.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // the script turns on bashcompinit itself and registers its function for keyturn
    assertThat(comps).contains("_bash_complete -F _complete_keyturn");
    // zsh's completion widget narrows the candidates to the prefix; these are what it gets
    assertThat(complete("zsh", script, "keyturn rot").lines())
        .contains("rotate", "rotation-matrix");
  }

  /** Calls the generated completion function as the shell would for {@code line}. */
  private String complete(String shell, Path script, String line) throws Exception {
    String setup =
        shell.equals("zsh")
            ? "autoload -U +X compinit && compinit -u; autoload -U +X bashcompinit && bashcompinit;"
                + " setopt KSH_ARRAYS;"
            : "";
    String words = String.join(" ", line.split(" ")) + (line.endsWith(" ") ? " ''" : "");
    String program =
        setup
            + " source "
            + script
            + "; COMP_LINE='"
            + line
            + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=("
            + words
            + "); COMP_CWORD="
            + (line.split(" ").length - 1)
            + "; _complete_keyturn; printf '%s\\n' \"${COMPREPLY[@]}\"";
    // stderr (bash's compopt outside a real completion) is not part of the answer
    Process p =
        new ProcessBuilder(shell, "-c", program)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }

  @Test
  void lint_coloursItsFindings_onlyOnATerminal_andNeverWithNoColor() throws Exception {
    Path dup = Files.writeString(dir.resolve("dup.yaml"), "version: 2\nversion: 1\nsecrets: []\n");

    CliResult terminal = ShippedCli.with(Map.of()).onTerminal(null, "lint", dup.toString());
    CliResult noColor =
        ShippedCli.with(Map.of("NO_COLOR", "1")).onTerminal(null, "lint", dup.toString());
    CliResult pipe = ShippedCli.with(Map.of()).run("lint", dup.toString());

    assertThat(terminal.exit()).isEqualTo(1);
    assertThat(terminal.out()).contains("\u001B[", "ERROR");
    assertThat(noColor.out()).contains("ERROR").doesNotContain("\u001B[");
    assertThat(pipe.out()).contains("ERROR").doesNotContain("\u001B[");
  }

  @Test
  void apply_onATerminal_showsThePlan_asks_andAppliesAfterYes(LocalAws aws) throws Exception {
    ShippedCli cli = ShippedCli.with(local(aws));
    assertThat(cli.run("apply", EXAMPLE.toString()).exit()).isZero();
    String example = Files.readString(EXAMPLE);
    Path smaller =
        Files.writeString(
            dir.resolve("smaller.yaml"),
            example.substring(0, example.indexOf("  - name: HK_PLATFORM_FULL"))
                + example.substring(example.indexOf("\nwebhooks:") + 1));

    CliResult refused = cli.run("apply", smaller.toString());
    CliResult asked = cli.onTerminal("yes\n", "apply", smaller.toString());

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("re-run with --yes");
    assertThat(asked.exit()).as(asked.toString()).isZero();
    assertThat(asked.out()).contains("\u001B[31m-"); // a removal, in red: this is a terminal
    assertThat(asked.out().replaceAll("\u001B\\[[0-9;]*m", ""))
        .contains("- secret   HK_PLATFORM_FULL", "Only 'yes' will be accepted", "applied: ");
  }

  @Test
  void aSlowEndpoint_onATerminal_showsWhatItWaitsFor_andTheErrorNamesIt(LocalAws aws)
      throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  while (true) {
                    accepted.add(silent.accept()); // never answers
                  }
                } catch (Exception closed) {
                  // the test is over
                }
              });
      Map<String, String> env = local(aws);
      env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + silent.getLocalPort());
      env.put("KEYTURN_AWS_ATTEMPT_TIMEOUT", "3s");
      env.put("KEYTURN_AWS_CALL_TIMEOUT", "6s");
      ShippedCli cli = ShippedCli.with(env);

      CliResult terminal = cli.onTerminal(null, "status");
      CliResult pipe = cli.run("status");

      String endpoint = "DynamoDB Query at http://127.0.0.1:" + silent.getLocalPort();
      assertThat(terminal.exit()).isEqualTo(1);
      assertThat(terminal.out())
          .contains("waiting for " + endpoint + " (2s)")
          .contains("keyturn: no answer from " + endpoint + " (timed out)");
      assertThat(pipe.exit()).isEqualTo(1);
      assertThat(pipe.err()).doesNotContain("waiting for").contains("no answer from " + endpoint);
      acceptor.interrupt();
    }
  }

  @Test
  void noRegion_isOneLineNamingTheSetting() throws Exception {
    CliResult r = ShippedCli.clean(dir, Map.of("KEYTURN_TABLE", "t")).run("status");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "keyturn: no AWS region: set AWS_REGION or pass --region (or give the profile a"
                + " region in ~/.aws/config)");
  }

  @Test
  void noCredentials_isOneLineNamingTheSettings_andTheProfileAsked(LocalAws aws) throws Exception {
    Map<String, String> env =
        Map.of(
            "KEYTURN_TABLE",
            LocalAwsExtension.TABLE,
            "AWS_ENDPOINT_URL",
            aws.endpoint().toString(),
            "AWS_ENDPOINT_URL_DYNAMODB",
            aws.dynamoDbEndpoint().toString(),
            // no instance metadata service here: do not wait for one
            "AWS_EC2_METADATA_DISABLED",
            "true");
    ShippedCli cli = ShippedCli.clean(dir, env);

    CliResult none = cli.run("status", "--region", "us-east-1");
    CliResult profile = cli.run("status", "--region", "us-east-1", "--profile", "ops");

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip())
        .startsWith("keyturn: no AWS credentials: set AWS_PROFILE or pass --profile")
        .contains("AWS_ACCESS_KEY_ID")
        .doesNotContain("Exception", "\n");
    assertThat(profile.exit()).isEqualTo(2);
    assertThat(profile.err()).startsWith("keyturn: no AWS credentials for profile ops: ");
  }

  @Test
  void profile_option_choosesTheProfilesRegionAndCredentials(LocalAws aws) throws Exception {
    Path aws_ = Files.createDirectories(dir.resolve(".aws"));
    Files.writeString(aws_.resolve("config"), "[profile ops]\nregion = " + aws.region() + "\n");
    Files.writeString(
        aws_.resolve("credentials"),
        "[ops]\naws_access_key_id = keyturnlocal\naws_secret_access_key = keyturnlocalnotasecret\n");
    Map<String, String> env =
        Map.of(
            "KEYTURN_TABLE",
            LocalAwsExtension.TABLE,
            "AWS_ENDPOINT_URL_DYNAMODB",
            aws.dynamoDbEndpoint().toString(),
            "AWS_EC2_METADATA_DISABLED",
            "true");

    CliResult r = ShippedCli.clean(dir, env).run("audit", "--profile", "ops", "--json");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip()).startsWith("[");
  }

  @Test
  void debug_showsEachAwsRequest_andTheErrorsStackTrace(LocalAws aws) throws Exception {
    CliResult r = ShippedCli.with(local(aws)).run("audit", "--table", "keyturn-missing", "--debug");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "DEBUG", "awssdk.request: Sending Request", "keyturn: no table named keyturn-missing")
        .contains("ResourceNotFoundException", "\tat ");
  }

  @Test
  void verifyWebhook_readsTheBodyFromStdin() throws Exception {
    String secret = "a-webhook-secret-used-only-here";
    String body = "{\"zen\":\"Keep it logically awesome.\"}";
    Path secretFile = Files.writeString(dir.resolve("secret"), secret);
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify-webhook",
                "--scheme",
                "github",
                "--secret-file",
                secretFile.toString(),
                "--body-file",
                "-"));
    Schemes.signer("github", Map.of())
        .sign(secret, body.getBytes(StandardCharsets.UTF_8), Instant.now(), "d-1")
        .forEach((name, value) -> {
          args.add("-H");
          args.add(name + ": " + value);
        });

    CliResult r = ShippedCli.with(Map.of()).withInput(body, args.toArray(String[]::new));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().strip()).isEqualTo("verified with --secret-file #1 (" + secretFile + ")");
  }
}
