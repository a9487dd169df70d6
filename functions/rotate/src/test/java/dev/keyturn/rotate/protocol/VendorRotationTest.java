package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.SET_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.TEST_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.secrets.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorRotationTest {

  private static final String NAME = "HK_PLATFORM_FULL";

  @Test
  void createSecret_defersToTheVendor_andStoresNoValue() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();

    StepOutcome created = h.f.run(CREATE_SECRET, token);

    assertThat(created.outcome()).isEqualTo("deferred-to-vendor");
    assertThat(h.f.secrets.valueOf(token)).isEmpty();
    assertThat(h.f.heroku.regenerations()).isZero();
  }

  @Test
  void setSecret_regeneratesAtHeroku_andStoresTheIssuedTokenAsPending() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();
    h.f.run(CREATE_SECRET, token);

    assertThat(h.f.run(SET_SECRET, token).outcome()).isEqualTo("applied");

    HerokuCredential pending = HerokuCredential.parse(h.f.secrets.valueOf(token).orElseThrow());
    assertThat(pending.authorizationId()).isEqualTo(h.original.authorizationId());
    assertThat(h.f.heroku.isLive(pending.token())).isTrue();
    assertThat(h.f.heroku.isLive(h.original.token())).isFalse();
  }

  @Test
  void setSecret_twice_regeneratesOnce() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();
    h.f.run(CREATE_SECRET, token);
    h.f.run(SET_SECRET, token);

    assertThat(h.f.run(SET_SECRET, token).outcome()).isEqualTo("already-applied");
    assertThat(h.f.heroku.regenerations()).isEqualTo(1);
  }

  @Test
  void testSecret_provesTheNewTokenWithAnAuthenticatedCall() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();
    h.f.run(CREATE_SECRET, token);
    h.f.run(SET_SECRET, token);

    assertThat(h.f.run(TEST_SECRET, token).outcome()).isEqualTo("proven-at-vendor");
  }

  @Test
  void testSecret_failsWhenHerokuRejectsThePendingToken() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();
    String revoked =
        new HerokuCredential(h.original.authorizationId(), "HRKU-revoked").toSecretValue();
    h.f.secretsManager.putPending(h.f.secrets.arn(), token, revoked, null);

    assertThatThrownBy(() -> h.f.run(TEST_SECRET, token))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("HRKU-revoked");
  }

  @Test
  void fullRotation_endsWithTheIssuedTokenCurrent() {
    Heroku h = new Heroku(0);
    String token = h.f.secrets.startRotation();

    h.f.rotate(token);

    assertThat(h.f.secrets.versionWith(Stages.CURRENT)).contains(token);
    assertThat(h.f.secrets.versionWith(Stages.PENDING)).isEmpty();
    String current = HerokuCredential.parse(h.f.secrets.valueOf(token).orElseThrow()).token();
    assertThat(h.f.heroku.isLive(current)).isTrue();
  }

  @Test
  void setSecret_retriesStoringTheIssuedValue_inProcess() {
    Heroku h = new Heroku(2);
    String token = h.f.secrets.startRotation();
    h.f.run(CREATE_SECRET, token);

    assertThat(h.f.run(SET_SECRET, token).outcome()).isEqualTo("applied");

    assertThat(h.f.secrets.valueOf(token)).isPresent();
    assertThat(h.f.sleeps).hasSize(2);
    assertThat(h.f.sleeps.get(1)).isEqualTo(h.f.sleeps.get(0).multipliedBy(2));
  }

  @Test
  void setSecret_givesUpAfterTheLastAttempt_withANamedError() {
    Heroku h = new Heroku(3);
    String token = h.f.secrets.startRotation();
    h.f.run(CREATE_SECRET, token);

    assertThatThrownBy(() -> h.f.run(SET_SECRET, token))
        .isInstanceOf(IssuedValueNotStoredException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining(token);
  }

  /** A Heroku-backed secret whose first {@code failingPuts} PutSecretValue calls fail. */
  private static final class Heroku {
    final RotationFixture f;
    final HerokuCredential original;

    Heroku(int failingPuts) {
      this.f =
          new RotationFixture(
              Entries.secretsManager(NAME, "keyturn/prod/hk", "heroku-authorization", Map.of()),
              "{}");
      this.original = f.heroku.authorize();
      // replace the placeholder initial value with a live credential, as an operator would seed it
      String seedToken = f.secrets.startRotation();
      f.secretsManager.putPending(f.secrets.arn(), seedToken, original.toSecretValue(), null);
      String placeholder = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
      f.secretsManager.moveStage(f.secrets.arn(), Stages.CURRENT, seedToken, placeholder);
      f.secretsManager.removeStage(f.secrets.arn(), Stages.PENDING, seedToken);
      f.secretsManager.failNext("putPending", failingPuts);
    }
  }
}
