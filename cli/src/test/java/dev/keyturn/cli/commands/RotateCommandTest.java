package dev.keyturn.cli.commands;

import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.HMAC;
import static dev.keyturn.cli.support.CliWorld.HMAC_ID;
import static dev.keyturn.cli.support.CliWorld.PAIR;
import static dev.keyturn.cli.support.CliWorld.STRIPE;
import static dev.keyturn.cli.support.CliWorld.STRIPE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@WithLocalAws
class RotateCommandTest {

  static CliWorld world;
  static String lambdaArn;
  static ApplicationContext table;

  /** Rotated by the (stand-in) rotation function only: it gets a rotation Lambda attached. */
  static final String FOLLOWED = "RX_FOLLOWED_HMAC";

  static final String FOLLOWED_ID = "kt-cli/followed-hmac";

  @BeforeAll
  static void seed(LocalAws aws) {
    SecretsManagerClient.create()
        .createSecret(b -> b.name(FOLLOWED_ID).secretString(SeededSecrets.generate("followed")));
    world =
        CliWorld.seed(
            aws,
            """
              - name: %s
                source: {secretsManager: %s}
                tags: {function: session-signing, sensitivity: high, consumer: raptor, rotation: 90d}
                environments: [prod]
                generator: {type: hmac-key, format: hex}
                expiresAt: non-expiring
                scopes: [session signing]
                references: [backend_v2/api/vault.py]
            """
                .formatted(FOLLOWED, FOLLOWED_ID));
    lambdaArn = aws.createRotationLambda();
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void inProcess_runsTheFourSteps_andMakesANewValueCurrent() {
    String before = world.secretValue(HMAC_ID);
    String previousVersion = world.currentVersion(HMAC_ID);

    CliResult r = Cli.run("rotate", HMAC, "--in-process");

    String after = SeededSecrets.register(world.secretValue(HMAC_ID));
    String token = world.currentVersion(HMAC_ID);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsSubsequence("createSecret", "setSecret", "testSecret", "finishSecret")
        .contains("rotated " + HMAC + ": version " + token + " is current (was " + previousVersion);
    assertThat(after.equals(before)).as("the value changed").isFalse();
    assertThat(world.stages(HMAC_ID).get(previousVersion)).containsExactly("AWSPREVIOUS");
    assertThat(world.stages(HMAC_ID).values()).noneMatch(s -> s.contains("AWSPENDING"));
    RotationRecord record = rotations().rotation(HMAC, token).orElseThrow();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(rotations().lastRotated(HMAC)).isPresent();
    assertThat(world.secretsManager.describeSecret(b -> b.secretId(HMAC_ID)).rotationEnabled())
        .as("no RotateSecret: rotation stays as it was")
        .isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void followsTheRotationFunction_stepByStep_untilTheNewVersionIsCurrent() throws Exception {
    // plays the deployed rotate function: runs the steps when Secrets Manager would invoke it
    Thread function =
        Thread.ofVirtual().start(new RotationFunctionStandIn(world, table, FOLLOWED_ID));

    CliResult r =
        Cli.run(
            "rotate",
            FOLLOWED,
            "--rotation-lambda-arn",
            lambdaArn,
            "--poll-interval",
            "100ms",
            "--timeout",
            "60s");
    function.join();

    SeededSecrets.register(world.secretValue(FOLLOWED_ID));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("RotateSecret: version", "waiting for the rotation function")
        .containsSubsequence("createSecret", "setSecret", "testSecret", "finishSecret")
        .contains("rotated " + FOLLOWED);
  }

  @Test
  void timesOut_whenTheFunctionNeverRuns_andInProcessIsRefused_whileTheFunctionIsAttached()
      throws Exception {
    String before = world.currentVersion(FOLLOWED_ID);

    CliResult timedOut =
        Cli.run(
            "rotate",
            FOLLOWED,
            "--rotation-lambda-arn",
            lambdaArn,
            "--timeout",
            "1s",
            "--poll-interval",
            "200ms");
    String pending = pendingVersion(FOLLOWED_ID);
    CliResult refused = Cli.run("rotate", FOLLOWED, "--rotation-lambda-arn", lambdaArn);
    CliResult inProcess = Cli.run("rotate", FOLLOWED, "--in-process");
    // Secrets Manager's own retry: the function runs the steps of the pending version
    Thread function =
        Thread.ofVirtual().start(new RotationFunctionStandIn(world, table, FOLLOWED_ID));
    function.join();

    SeededSecrets.register(world.secretValue(FOLLOWED_ID));
    assertThat(timedOut.exit()).isEqualTo(1);
    assertThat(timedOut.err())
        .contains("rotation of " + FOLLOWED + " failed: timed out after 1s before createSecret");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("version " + pending + ") is unfinished", "--in-process");
    assertThat(inProcess.exit()).isEqualTo(1);
    assertThat(inProcess.err().strip())
        .startsWith("keyturn: cannot rotate " + FOLLOWED + " in this process: secret")
        .contains("has the rotation Lambda " + lambdaArn, "both would run them at once");
    assertThat(inProcess.err().lines()).hasSize(1);
    assertThat(world.currentVersion(FOLLOWED_ID)).isEqualTo(pending).isNotEqualTo(before);
  }

  @Test
  void inProcess_withARotationLambdaArn_isAUsageError() {
    CliResult r = Cli.run("rotate", HMAC, "--in-process", "--rotation-lambda-arn", "arn:x");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--in-process runs the steps here", "--rotation-lambda-arn");
  }

  @Test
  void aFailingFirstStep_exitsOne_namingTheStepAndTheError_andUndoesWhatItSetUp() {
    String before = world.secretValue(CliWorld.PAIR_ID);
    Map<String, List<String>> stagesBefore = world.stages(CliWorld.PAIR_ID);

    CliResult r = Cli.run("rotate", PAIR, "--in-process");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines())
        .hasSize(2)
        .first()
        .asString()
        .contains("keyturn: rotation of " + PAIR + " failed at createSecret: ")
        .contains("CorruptCurrentValueException");
    assertThat(r.err()).contains("keyturn: undone: version ", " is no longer AWSPENDING");
    assertThat(world.secretValue(CliWorld.PAIR_ID).equals(before)).isTrue();
    assertThat(world.stages(CliWorld.PAIR_ID)).isEqualTo(stagesBefore);
    var described = world.secretsManager.describeSecret(b -> b.secretId(CliWorld.PAIR_ID));
    assertThat(described.rotationEnabled()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void ssmEntry_rotatesWithTheSweepsLogic_evenThoughItIsNotDue() {
    long before = world.parameterVersion(STRIPE_ID);
    String oldValue = world.parameterValue(STRIPE_ID);

    CliResult r = Cli.run("rotate", STRIPE, "--json");

    String newValue = SeededSecrets.register(world.parameterValue(STRIPE_ID));
    assertThat(r.exit()).as(r.toString()).isZero();
    Map<String, Object> json = Json.map(r.out());
    assertThat(json)
        .containsEntry("outcome", "rotated")
        .containsEntry("mode", "sweep")
        .containsEntry("version", Long.toString(before + 1))
        .containsEntry("previous", Long.toString(before));
    assertThat(r.err()).contains("current -> v" + (before + 1));
    assertThat(world.parameterVersion(STRIPE_ID)).isEqualTo(before + 1);
    assertThat(newValue.equals(oldValue)).isFalse();
    assertThat(rotations().lastRotated(STRIPE)).isPresent();
  }

  @Test
  void dryRun_saysWhatWouldHappen_andChangesNothing() {
    Map<String, List<String>> stagesBefore = world.stages(HMAC_ID);
    long paramBefore = world.parameterVersion(STRIPE_ID);

    CliResult sm = Cli.run("rotate", HMAC, "--dry-run", "--rotation-lambda-arn", lambdaArn);
    CliResult ssm = Cli.run("rotate", STRIPE, "--dry-run");

    assertThat(sm.exit()).as(sm.toString()).isZero();
    assertThat(sm.out())
        .contains("generator: hmac-key {format=hex}", "RotateSecret", lambdaArn)
        .contains("heroku kt-cli-web SESSION_HMAC", "dotenv .env.local SESSION_HMAC")
        .contains("dry run: nothing changed");
    assertThat(ssm.exit()).as(ssm.toString()).isZero();
    assertThat(ssm.out())
        .contains(
            "generator: random-password {length=32}", "PutParameter version " + (paramBefore + 1))
        .contains("heroku kt-cli-web STRIPE_KEY");
    assertThat(world.stages(HMAC_ID)).isEqualTo(stagesBefore);
    assertThat(world.parameterVersion(STRIPE_ID)).isEqualTo(paramBefore);
  }

  @Test
  void anEntryWithoutAGenerator_isRefusedWithTheReason() {
    long before = world.parameterVersion(CliWorld.FREESCOUT_ID);

    CliResult r = Cli.run("rotate", FREESCOUT);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("cannot rotate " + FREESCOUT + ": it is operator-assisted (no generator)")
        .contains("keyturn never invents its value", "--from-stdin");
    assertThat(world.parameterVersion(CliWorld.FREESCOUT_ID)).isEqualTo(before);
  }

  @Test
  void aSecretWithoutARotationLambda_isRefusedToFollow_butRotatesInProcess() {
    CliResult refused = Cli.run("rotate", CliWorld.SLACK);
    CliResult here = Cli.run("rotate", CliWorld.SLACK, "--in-process");

    SeededSecrets.register(world.secretValue(CliWorld.SLACK_ID));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("cannot rotate " + CliWorld.SLACK + ": no rotation Lambda is configured")
        .contains("--rotation-lambda-arn");
    assertThat(here.exit()).as(here.toString()).isZero();
    assertThat(here.out()).containsSubsequence("createSecret", "finishSecret");
    var described = world.secretsManager.describeSecret(b -> b.secretId(CliWorld.SLACK_ID));
    assertThat(described.rotationLambdaARN()).isNullOrEmpty();
  }

  @Test
  void anUnknownName_isAClearError() {
    CliResult r = Cli.run("rotate", "NOPE_NOT_THERE");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "keyturn: no inventory entry named NOPE_NOT_THERE in the table"
                + " (keyturn status lists them; keyturn apply writes the inventory)");
  }

  private String pendingVersion(String secretId) {
    return world.stages(secretId).entrySet().stream()
        .filter(e -> e.getValue().contains("AWSPENDING"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static RotationStore rotations() {
    return table.getBean(RotationStore.class);
  }
}
