package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** {@code keyturn rotate NAME --create}: first-time generation against the local AWS. */
@WithLocalAws
class CreateCommandTest {

  static final String NEW_KEY = "RX_NEW_SIGNING";
  static final String NEW_KEY_ID = "kt-cli/new-signing";
  static final String NEW_TOKEN = "FS_NEW_TOKEN";
  static final String NEW_TOKEN_ID = "/kt-cli/fs-new-token";

  static CliWorld world;

  @BeforeAll
  static void seed(LocalAws aws) {
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
              - name: %s
                source: {ssmParameter: %s}
                tags: {function: support-api, sensitivity: medium, consumer: raptor, rotation: 90d}
                environments: [prod]
                expiresAt: non-expiring
                scopes: [support api]
                references: [backend_v2/api/vault.py]
            """
                .formatted(NEW_KEY, NEW_KEY_ID, NEW_TOKEN, NEW_TOKEN_ID));
  }

  @Test
  void create_makesAMissingGeneratedSecret_fromItsGenerator_withTheEntrysTags() {
    CliResult dryRun = Cli.run("rotate", NEW_KEY, "--create", "--dry-run");
    boolean existedAfterDryRun = exists(NEW_KEY_ID);

    CliResult r = Cli.run("rotate", NEW_KEY, "--create");

    SeededSecrets.register(world.secretValue(NEW_KEY_ID));
    assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out()).contains("from generator hmac-key", "dry run: nothing changed");
    assertThat(existedAfterDryRun).isFalse();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("create " + NEW_KEY + " (mode generated)")
        .contains("created " + NEW_KEY + ": version " + world.currentVersion(NEW_KEY_ID));
    assertThat(world.secretValue(NEW_KEY_ID)).matches("[0-9a-f]{64}");
    Map<String, String> tags =
        world.secretsManager.describeSecret(b -> b.secretId(NEW_KEY_ID)).tags().stream()
            .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    assertThat(tags)
        .containsEntry("function", "session-signing")
        .containsEntry("sensitivity", "high")
        .containsEntry("consumer", "raptor")
        .containsEntry("rotation", "90d")
        .containsEntry("keyturn:entry", NEW_KEY);
    // generation is the first rotation: status dates it from keyturn's record
    CliResult status = Cli.run("status", "--json");
    assertThat(status.out()).contains("\"lastRotatedBy\":\"keyturn\"");
  }

  @Test
  void create_fromStdin_makesAnOperatorEntrysSecureString_andRefusesToCreateItTwice() {
    String token = SeededSecrets.generate("fs-first-token");

    CliResult refused = Cli.run("rotate", NEW_TOKEN, "--create");
    CliResult r = Cli.runWithStdin(token + "\n", "rotate", NEW_TOKEN, "--create", "--from-stdin");
    CliResult again = Cli.runWithStdin(token, "rotate", NEW_TOKEN, "--create", "--from-stdin");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("cannot create " + NEW_TOKEN + ": its mode is operator")
        .contains("never invents its first value", "--from-stdin");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(world.parameterValue(NEW_TOKEN_ID)).isEqualTo(token);
    var parameter = world.ssm.getParameter(b -> b.name(NEW_TOKEN_ID)).parameter();
    assertThat(parameter.typeAsString()).isEqualTo("SecureString");
    Map<String, String> tags =
        world
            .ssm
            .listTagsForResource(
                b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(NEW_TOKEN_ID))
            .tagList()
            .stream()
            .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    assertThat(tags)
        .containsEntry("function", "support-api")
        .containsEntry("keyturn:entry", NEW_TOKEN);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err())
        .contains("cannot create " + NEW_TOKEN + ": " + NEW_TOKEN_ID + " already exists")
        .contains("keyturn rotate " + NEW_TOKEN + " rotates it");
  }

  @Test
  void create_refusesASuppliedValue_forAGeneratedEntry() {
    CliResult r =
        Cli.runWithStdin(
            SeededSecrets.generate("never-used"),
            "rotate",
            CliWorld.HMAC,
            "--create",
            "--from-stdin");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot create " + CliWorld.HMAC + ": it is generated");
  }

  private static boolean exists(String id) {
    try {
      world.secretsManager.describeSecret(b -> b.secretId(id));
      return true;
    } catch (
        software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException missing) {
      return false;
    }
  }
}
