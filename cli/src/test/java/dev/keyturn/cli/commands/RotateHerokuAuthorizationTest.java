package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code keyturn rotate} of a vendor-issued credential: Heroku makes a new authorization and token,
 * and the old authorization is deleted once the new one is current.
 */
@WithLocalAws
@WithHerokuStandIn
class RotateHerokuAuthorizationTest {

  static final String NAME = "HK_PLATFORM_FULL";
  static final String ID = "kt-cli/hk-platform-full";

  @Test
  void inProcess_letsHerokuIssueANewAuthorization_storesIt_andKeepsTheOldUntilRetired(
      LocalAws aws, HerokuStandIn heroku) {
    OAuthAuthorization auth = heroku.seedAuthorization("keyturn cli test");
    String oldToken = SeededSecrets.register(auth.accessToken());
    try (SecretsManagerClient sm = SecretsManagerClient.create()) {
      sm.createSecret(b ->
          b.name(ID)
              .secretString(
                  Json.write(Map.of("authorizationId", auth.id().toString(), "token", oldToken))));
    }
    CliWorld world = CliWorld.seed(aws, herokuEntry());
    CliResult r =
        Cli.run("rotate", NAME, "--in-process", "--heroku-api-url", heroku.baseUrl().toString());

    JsonNode stored = Json.tree(world.secretValue(ID));
    String newToken = stored.get("token").asText();
    SeededSecrets.register(newToken);
    assertThat(r.all().contains(newToken)).as("the new token is not printed").isFalse();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("issued", "live-at-vendor", "proven-at-vendor");
    assertThat(newToken.equals(oldToken)).isFalse();
    assertThat(heroku.authenticates(newToken)).isTrue();
    assertThat(heroku.authenticates(oldToken))
        .as("the old authorization works until the life cycle retires it, once confirmed")
        .isTrue();
    assertThat(stored.get("authorizationId").asText()).isNotEqualTo(auth.id().toString());
  }

  private static String herokuEntry() {
    return """
      - name: %s
        source: {secretsManager: %s}
        tags: {function: platform-api, sensitivity: critical, consumer: ci, rotation: 90d}
        environments: [prod]
        scope: account
        review: "cli test review"
        generator: {type: heroku-authorization}
        expiresAt: non-expiring
        scopes: [global]
        references: [.github/workflows/deploy.yml]
    """
        .formatted(NAME, ID);
  }
}
