package dev.keyturn.cli.revoke;

import static dev.keyturn.cli.support.CliWorld.FREESCOUT;
import static dev.keyturn.cli.support.CliWorld.SLACK;
import static dev.keyturn.cli.support.CliWorld.SLACK_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.revoke.SecretRevoker;
import dev.keyturn.state.Revocation;
import dev.keyturn.state.RevocationStore;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code keyturn revoke} against moto and DynamoDB Local. */
@WithLocalAws
class RevokeCommandTest {

  static CliWorld world;
  static ApplicationContext table;

  @BeforeAll
  static void seed(LocalAws aws) {
    world = CliWorld.seed(aws);
    table = ApplicationContext.run(Map.of("keyturn.table", LocalAwsExtension.TABLE));
  }

  @AfterAll
  static void close() {
    table.close();
  }

  @Test
  void revoke_takesAwsPreviousOff_recordsAndAudits_thenRefusesCurrent() {
    String previous = world.currentVersion(SLACK_ID);
    world.secretsManager.putSecretValue(b -> b.secretId(SLACK_ID).secretString("xoxb-kt-next"));
    String current = world.currentVersion(SLACK_ID);

    CliResult r = Cli.run("revoke", SLACK, "--json");

    assertThat(r.exit()).as(r.toString()).isZero();
    Map<String, Object> doc = Json.map(r.out());
    assertThat(doc).containsEntry("versionId", previous).containsEntry("secret", SLACK);
    assertThat(world.stages(SLACK_ID).getOrDefault(previous, List.of())).isEmpty();
    assertThat(world.stages(SLACK_ID).get(current)).contains("AWSCURRENT");
    assertThat(table.getBean(RevocationStore.class).revocations(SLACK))
        .extracting(Revocation::versionId)
        .containsExactly(previous);
    assertThat(table.getBean(AuditLog.class).since(Instant.EPOCH, SLACK, 100))
        .anyMatch(
            e -> e.action().equals(SecretRevoker.ACTION) && e.versionIds().contains(previous));
    assertThat(r.all()).doesNotContain("xoxb-kt-next");

    CliResult again = Cli.run("revoke", SLACK, "--version", previous);
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("already revoked");

    CliResult refused = Cli.run("revoke", SLACK, "--version", current);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip())
        .isEqualTo(
            "keyturn: refusing to revoke "
                + current
                + " of "
                + SLACK
                + ": it is AWSCURRENT (rotate first)")
        .doesNotContain("\n");
    assertThat(world.stages(SLACK_ID).get(current)).contains("AWSCURRENT");
  }

  @Test
  void revoke_ofAnSsmEntry_isAOneLineUsageError() {
    CliResult r = Cli.run("revoke", FREESCOUT);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is an SSM parameter").doesNotContain("Exception");
  }
}
