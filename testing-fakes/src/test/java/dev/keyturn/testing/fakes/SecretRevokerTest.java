package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.revoke.RevocationRefusedException;
import dev.keyturn.revoke.SecretRevoker;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.Revocation;
import dev.keyturn.testing.time.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SecretRevoker} over the fakes of its ports. */
class SecretRevokerTest {

  static final String ID = "keyturn/prod/rx-hook";
  static final String NAME = "RX_HOOK";

  final FakeSecretsManager secrets = new FakeSecretsManager();
  final FakeRevocationStore store = new FakeRevocationStore();
  final FakeAuditLog audit = new FakeAuditLog();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  final SecretRevoker revoker = new SecretRevoker(secrets, store, audit, clock, "alice");
  final String first;
  final String second;

  SecretRevokerTest() {
    secrets.create(ID, "kt-first-never-printed");
    first = secrets.secret(ID).versionWith(Stages.CURRENT).orElseThrow();
    second = secrets.secret(ID).putValue("kt-second-never-printed");
  }

  @Test
  void revoke_withoutVersion_takesAwsPreviousOff_recordsAndAudits() {
    Revocation revocation = revoker.revoke(NAME, ID, null);

    assertThat(revocation.versionId()).isEqualTo(first);
    assertThat(revocation.removedStages()).containsExactly(Stages.PREVIOUS);
    assertThat(secrets.secret(ID).stages()).doesNotContainKey(first);
    assertThat(secrets.secret(ID).versionWith(Stages.CURRENT)).contains(second);
    assertThat(store.revocations(NAME)).containsExactly(revocation);
    assertThat(audit.actions(SecretRevoker.ACTION))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo("revoked");
          assertThat(e.versionIds()).containsExactly(first);
          assertThat(e.toString()).doesNotContain("never-printed");
        });
  }

  @Test
  void revoke_again_isHarmless_andAuditedAsAlreadyRevoked() {
    revoker.revoke(NAME, ID, first);
    clock.advance(java.time.Duration.ofMinutes(1));

    Revocation again = revoker.revoke(NAME, ID, first);

    assertThat(again.removedStages()).isEmpty();
    assertThat(store.revocations(NAME)).hasSize(1);
    assertThat(audit.actions(SecretRevoker.ACTION))
        .extracting(e -> e.outcome())
        .containsExactly("revoked", "already-revoked");
  }

  @Test
  void revoke_refusesAwsCurrent_andChangesNothing() {
    assertThatThrownBy(() -> revoker.revoke(NAME, ID, second))
        .isInstanceOf(RevocationRefusedException.class)
        .hasMessage(
            "refusing to revoke " + second + " of RX_HOOK: it is AWSCURRENT (rotate first)");
    assertThat(secrets.secret(ID).stages().get(second)).contains(Stages.CURRENT);
    assertThat(store.revocations(NAME)).isEmpty();
    assertThat(audit.actions(SecretRevoker.ACTION)).isEmpty();
  }

  @Test
  void revoke_refusesAwsPending() {
    String pending = secrets.secret(ID).stagePending("kt-third-never-printed");

    assertThatThrownBy(() -> revoker.revoke(NAME, ID, pending))
        .isInstanceOf(RevocationRefusedException.class)
        .hasMessageContaining("it is AWSPENDING");
    assertThat(secrets.secret(ID).stages().get(pending)).contains(Stages.PENDING);
  }

  @Test
  void revoke_ofAnUnknownVersion_orWithoutAwsPrevious_isRefused() {
    assertThatThrownBy(() -> revoker.revoke(NAME, ID, "no-such-version"))
        .isInstanceOf(RevocationRefusedException.class)
        .hasMessage("RX_HOOK has no labelled version no-such-version");
    revoker.revoke(NAME, ID, null);
    assertThatThrownBy(() -> revoker.revoke(NAME, ID, null))
        .isInstanceOf(RevocationRefusedException.class)
        .hasMessage("RX_HOOK has no AWSPREVIOUS version to revoke");
    assertThat(store.revocations(NAME)).extracting(Revocation::versionId).containsExactly(first);
    assertThat(List.copyOf(secrets.secret(ID).stages().keySet())).containsExactly(second);
  }
}
