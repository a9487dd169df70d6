package dev.keyturn.rotate.protocol;

import static dev.keyturn.rotate.protocol.RotationStep.CREATE_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.FINISH_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.SET_SECRET;
import static dev.keyturn.rotate.protocol.RotationStep.TEST_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.fakes.InMemoryAccessKeys;
import dev.keyturn.rotate.retire.Retirement;
import dev.keyturn.rotate.vendor.Vendor;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.rotate.vendor.aws.AccessKeyCredential;
import dev.keyturn.rotate.vendor.aws.TooManyAccessKeysException;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.CredentialRecord.Status;
import dev.keyturn.state.LifecycleStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The protocol around a credential only its vendor can issue, over an in-memory vendor with IAM's
 * rules (two keys per user): issue next to the current one, prove, promote, keep the old one
 * working (only the life cycle retires it, after confirmation), retire it; and what a lost answer
 * or a failed store leaves behind.
 */
class VendorRotationTest {

  private static final String NAME = "AWS_INFISICAL_BOOTSTRAP";

  private final InMemoryAccessKeys keys = new InMemoryAccessKeys();

  private static RotationFixture fixture(InMemoryAccessKeys keys, int failingPuts) {
    RotationFixture f =
        new RotationFixture(
            Entries.secretsManager(
                NAME,
                "keyturn/prod/aws-bootstrap",
                "aws-iam-access-key",
                Map.of("user", "bootstrap")),
            keys.seed(),
            List.of(),
            List.of(keys));
    f.secretsManager.failNext("putPending", failingPuts);
    return f;
  }

  private final RotationFixture f = fixture(keys, 0);

  private String keyId(String versionId) {
    return AccessKeyCredential.parse(f.secrets.valueOf(versionId).orElseThrow()).accessKeyId();
  }

  @Test
  void createSecret_issuesANewKeyNextToTheCurrentOne_andStoresItAsPending() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();

    assertThat(f.run(CREATE_SECRET, token).outcome()).isEqualTo("issued");

    assertThat(keys.activeKeyIds()).containsExactly(keyId(old), keyId(token));
    assertThat(f.ledger.credential(NAME, token).orElseThrow().credentialId())
        .isEqualTo(keyId(token));
  }

  @Test
  void createSecret_twice_issuesOnce() {
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);

    assertThat(f.run(CREATE_SECRET, token).outcome()).isEqualTo("already-created");
    assertThat(keys.issuedCount()).isEqualTo(1);
  }

  @Test
  void setSecret_hasNothingToDo_theIssuedKeyIsLiveAlready() {
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);

    assertThat(f.run(SET_SECRET, token).outcome()).isEqualTo("live-at-vendor");
  }

  @Test
  void testSecret_provesTheNewKey_andFailsForOneTheVendorRejects() {
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);

    assertThat(f.run(TEST_SECRET, token).outcome()).isEqualTo("proven-at-vendor");

    String other = f.secrets.startRotation();
    f.secretsManager.putPending(
        f.secrets.arn(),
        other,
        new AccessKeyCredential("AKIA0000000000000000", "nope").toSecretValue(),
        null);
    assertThatThrownBy(() -> f.run(TEST_SECRET, other))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("403");
  }

  @Test
  void finishSecret_promotesTheNewKey_andLeavesTheOldOneWorking_untilTheLifeCycleRetiresIt() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();

    f.rotate(token);

    assertThat(f.secrets.versionWith(Stages.CURRENT)).contains(token);
    assertThat(keys.activeKeyIds())
        .as("not confirmed yet: a consumer on the old key keeps working")
        .containsExactly(keyId(old), keyId(token));
    assertThat(f.ledger.credential(NAME, old)).as("keyturn did not issue the seed key").isEmpty();
    assertThat(f.audit.events())
        .extracting(AuditEvent::action)
        .noneMatch(a -> a.startsWith("credential."));
    assertThat(f.rotations.rotation(NAME, token).orElseThrow().status()).isEqualTo("completed");
  }

  @Test
  void nextRotation_deletesThePreviousKeyFirst_soThereIsRoomForANewOne() {
    String first = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String second = f.secrets.startRotation();
    f.rotate(second);
    f.lifecycleReached(NAME, second, LifecycleStage.CONFIRMED);
    String third = f.secrets.startRotation();

    f.rotate(third);

    assertThat(keys.keyIds()).containsExactly(keyId(second), keyId(third));
    assertThat(keys.activeKeyIds()).containsExactly(keyId(second), keyId(third));
    assertThat(f.ledger.credential(NAME, first).orElseThrow().status()).isEqualTo(Status.RETIRED);
    assertThat(f.ledger.credential(NAME, second).orElseThrow().status()).isEqualTo(Status.ISSUED);
  }

  @Test
  void retire_onItsOwn_deletesThePreviousKey_once() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();
    f.rotate(token);

    Retirement first = f.retirement.retire(f.secrets.arn());
    Retirement again = f.retirement.retire(f.secrets.arn());

    assertThat(first.outcome()).isEqualTo("retired");
    assertThat(first.versionId()).isEqualTo(old);
    assertThat(again.outcome()).isEqualTo("already-retired");
    assertThat(keys.keyIds()).containsExactly(keyId(token));
  }

  @Test
  void retireVersion_retiresByTheIdTheLedgerRecorded_andRefusesAVersionWithoutOne() {
    String first = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String second = f.secrets.startRotation();
    f.rotate(second);
    f.lifecycleReached(NAME, second, LifecycleStage.CONFIRMED);
    String third = f.secrets.startRotation();
    f.rotate(third);
    String secondKey = keyId(second);

    Retirement r = f.retirement.retireVersion(f.secrets.arn(), second);

    assertThat(r.outcome()).isEqualTo("retired");
    assertThat(r.credentialId()).isEqualTo(secondKey);
    assertThat(keys.keyIds()).containsExactly(keyId(third));
    assertThat(f.retirement.retireVersion(f.secrets.arn(), second).outcome())
        .isEqualTo("already-retired");
    assertThat(f.retirement.retireVersion(f.secrets.arn(), third).outcome())
        .as("never the live credential")
        .isEqualTo("same-as-current");
    assertThatThrownBy(() -> f.retirement.retireVersion(f.secrets.arn(), "no-such-version"))
        .isInstanceOf(dev.keyturn.rotate.retire.RetirementNotPossibleException.class)
        .hasMessageContaining("no-such-version");
    assertThat(f.ledger.credential(NAME, first).orElseThrow().status()).isEqualTo(Status.RETIRED);
  }

  @Test
  void retire_leavesTheLiveKeyAlone_whenThePreviousVersionHoldsTheSameKey() {
    String current =
        f.secrets.valueOf(f.secrets.versionWith(Stages.CURRENT).orElseThrow()).orElseThrow();
    String token = f.secrets.startRotation();
    f.secretsManager.putPending(f.secrets.arn(), token, current, null);
    f.secretsManager.moveStage(
        f.secrets.arn(),
        Stages.CURRENT,
        token,
        f.secrets.versionWith(Stages.CURRENT).orElseThrow());

    assertThat(f.retirement.retire(f.secrets.arn()).outcome()).isEqualTo("same-as-current");
    assertThat(keys.activeKeyIds()).hasSize(1);
  }

  @Test
  void aKeyWhoseAnswerWasLost_isDeletedByTheNextAttempt_andExactlyOneNewKeyRemains() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();
    keys.loseNextIssueAnswer();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token)).isInstanceOf(VendorCallException.class);
    assertThat(keys.activeKeyIds()).as("the orphan exists at the vendor").hasSize(2);
    assertThat(f.ledger.credential(NAME, token).orElseThrow().status()).isEqualTo(Status.ISSUING);

    assertThat(f.run(CREATE_SECRET, token).outcome()).isEqualTo("issued-again");
    f.run(SET_SECRET, token);
    f.run(TEST_SECRET, token);
    f.run(FINISH_SECRET, token);

    assertThat(keys.issuedCount()).isEqualTo(2);
    assertThat(keys.activeKeyIds())
        .as("the orphan deleted; the old key works until the life cycle retires it")
        .containsExactly(keyId(old), keyId(token));
  }

  @Test
  void createSecret_retriesStoringTheIssuedKey_inProcess_withBackoff_andIssuesOnce() {
    InMemoryAccessKeys own = new InMemoryAccessKeys();
    RotationFixture flaky = fixture(own, 2);
    String token = flaky.secrets.startRotation();

    assertThat(flaky.run(CREATE_SECRET, token).outcome()).isEqualTo("issued");

    String stored =
        AccessKeyCredential.parse(flaky.secrets.valueOf(token).orElseThrow()).accessKeyId();
    assertThat(own.issuedCount()).isEqualTo(1);
    assertThat(own.activeKeyIds()).contains(stored).hasSize(2);
    assertThat(flaky.ledger.credential(NAME, token).orElseThrow().credentialId()).isEqualTo(stored);
    assertThat(flaky.sleeps).hasSize(2);
    assertThat(flaky.sleeps.get(1)).isEqualTo(flaky.sleeps.get(0).multipliedBy(2));
  }

  @Test
  void aKeyThatCouldNotBeStored_isDeletedByTheNextAttempt_andTheCurrentOneKeepsWorking() {
    InMemoryAccessKeys own = new InMemoryAccessKeys();
    RotationFixture failing = fixture(own, 3);
    String token = failing.secrets.startRotation();

    assertThatThrownBy(() -> failing.run(CREATE_SECRET, token))
        .isInstanceOf(IssuedValueNotStoredException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining(token);
    String unstored = failing.ledger.credential(NAME, token).orElseThrow().credentialId();
    assertThat(own.activeKeyIds()).contains(unstored).hasSize(2);

    failing.rotate(token);

    assertThat(own.keyIds()).doesNotContain(unstored);
    assertThat(own.activeKeyIds())
        .hasSize(2)
        .contains(
            AccessKeyCredential.parse(failing.secrets.valueOf(token).orElseThrow()).accessKeyId());
    assertThat(failing.sleeps).hasSize(2);
  }

  @Test
  void someoneElsesActiveKey_stopsTheRotation_namingTheUser_andNothingIsIssued() {
    String foreign = keys.someoneElsesKey();
    String token = f.secrets.startRotation();

    assertThatThrownBy(() -> f.run(CREATE_SECRET, token))
        .isInstanceOf(TooManyAccessKeysException.class)
        .hasMessageContaining("test-user")
        .hasMessageContaining(foreign);
    assertThat(keys.issuedCount()).isZero();
    assertThat(f.secrets.valueOf(token)).isEmpty();
  }

  @Test
  void finishSecret_neverTouchesTheOldKey_evenWhenTheVendorWouldFailToRetireIt() {
    String old = f.secrets.versionWith(Stages.CURRENT).orElseThrow();
    String token = f.secrets.startRotation();
    f.run(CREATE_SECRET, token);
    f.run(SET_SECRET, token);
    f.run(TEST_SECRET, token);
    keys.failNextRetirement();

    assertThat(f.run(FINISH_SECRET, token).outcome()).isEqualTo("finished");
    assertThat(keys.activeKeyIds()).containsExactly(keyId(old), keyId(token));
    assertThat(f.rotations.rotation(NAME, token).orElseThrow().status()).isEqualTo("completed");
    assertThat(f.run(FINISH_SECRET, token).outcome()).isEqualTo("already-current");
  }

  @Test
  void vendors_refuseAnAcceptingVendorThatClaimsToIssueValues_andTwoForOneType() {
    Vendor legacy =
        new Vendor() {
          @Override
          public String generatorType() {
            return "heroku-authorization";
          }

          @Override
          public boolean issuesValues() {
            return true;
          }

          @Override
          public String apply(String secretName, String currentValue, String pendingValue) {
            return pendingValue;
          }

          @Override
          public void prove(String secretName, String value) {}
        };

    assertThatThrownBy(() -> new Vendors(List.of(legacy)))
        .hasMessageContaining("implement VendorCredentials");
    assertThatThrownBy(() -> new Vendors(List.of(), List.of(keys, new InMemoryAccessKeys())))
        .hasMessageContaining("two vendors");
  }
}
