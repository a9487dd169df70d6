package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.revoke.SecretRevoker;
import dev.keyturn.testing.fakes.FakeRevocationStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code keyturn revoke} against a warm container: one service instance (its version cache filled)
 * sees the revocation within {@code secret-ttl}, and the delivery it accepted before is 401 after.
 */
class WebhookRevocationTest {

  final WebhookWorld world = new WebhookWorld();
  final String first = Secrets.hex();
  final String second = Secrets.hex();
  final WebhookEntry github = world.source("gh", "github", Map.of(), first);
  final Source secret = WebhookWorld.secretSource("gh");
  final FakeRevocationStore revocations = new FakeRevocationStore();
  final SecretRevoker revoker =
      new SecretRevoker(
          world.secrets.secretsManager(), revocations, world.audit, world.clock, "operator");

  @Test
  void aRevokedPreviousVersion_isRejectedByAWarmContainer_onceTheTtlHasPassed() {
    world.secrets.stagePending(secret, second);
    world.secrets.finishRotation(secret); // first is AWSPREVIOUS now
    APIGatewayV2HTTPEvent delivery = world.signed(github, first, "{\"n\":1}");
    assertThat(world.send(delivery).getStatusCode()).isEqualTo(202);

    revoker.revoke("WH_GH", secret.id(), null);
    // still inside the TTL the warm cache may serve the revoked version: that is the bound
    assertThat(world.send(world.signed(github, first, "{\"n\":2}")).getStatusCode()).isEqualTo(202);
    world.clock.advance(world.settings.secretTtl());

    assertThat(world.send(delivery).getStatusCode()).isEqualTo(401);
    assertThat(world.send(world.signed(github, second, "{\"n\":3}")).getStatusCode())
        .isEqualTo(202);
    // revocation has no reason of its own: a version that lost its labels is a stale secret
    assertThat(world.auditedRejections()).containsExactly("STALE_SECRET");
  }

  @Test
  void withAShortTtl_theRevocationTakesEffectAsSoonAsThatTtlPasses() {
    WebhookWorld fast =
        new WebhookWorld(
            WebhookSettings.DEFAULTS.withSecretCache(
                Duration.ofSeconds(5), WebhookSettings.DEFAULT_SECRET_MAX_STALE));
    WebhookEntry hook = fast.source("gh", "github", Map.of(), first);
    fast.secrets.stagePending(secret, second);
    fast.secrets.finishRotation(secret);
    APIGatewayV2HTTPEvent delivery = fast.signed(hook, first, "{\"n\":1}");
    assertThat(fast.send(delivery).getStatusCode()).isEqualTo(202);

    new SecretRevoker(fast.secrets.secretsManager(), revocations, fast.audit, fast.clock, "op")
        .revoke("WH_GH", secret.id(), null);
    fast.clock.advance(Duration.ofSeconds(5));

    assertThat(fast.send(delivery).getStatusCode()).isEqualTo(401);
  }
}
