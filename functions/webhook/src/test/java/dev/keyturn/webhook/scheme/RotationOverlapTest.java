package dev.keyturn.webhook.scheme;

import static dev.keyturn.webhook.scheme.Fixtures.NOW;
import static dev.keyturn.webhook.scheme.Fixtures.assertRejected;
import static dev.keyturn.webhook.scheme.Fixtures.assertVerified;
import static dev.keyturn.webhook.scheme.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * During a rotation the secret has three live versions. Candidates come in the order the handler
 * reads them: AWSCURRENT, AWSPENDING, AWSPREVIOUS.
 */
class RotationOverlapTest {

  private static final byte[] BODY = utf8("{\"event\":\"rotation-overlap\"}");
  private static final SplittableRandom RANDOM = new SplittableRandom();

  @Test
  void aDeliverySignedWithAnyLiveVersion_verifies_andNamesThatVersion() {
    for (AbstractScheme scheme : SchemeCatalog.all()) {
      String current = SchemeCatalog.secretFor(scheme, RANDOM);
      String pending = SchemeCatalog.secretFor(scheme, RANDOM);
      String previous = SchemeCatalog.secretFor(scheme, RANDOM);
      List<String> candidates = List.of(current, pending, previous);

      for (int version = 0; version < candidates.size(); version++) {
        Map<String, String> headers =
            scheme.sign(candidates.get(version), BODY, NOW, "msg_rotation_" + version);

        assertThat(
                assertVerified(scheme.verify(Fixtures.request(headers, BODY), candidates, NOW))
                    .matchedCandidate())
            .as("%s signed with candidate %d", scheme.name(), version)
            .isEqualTo(version);
      }
    }
  }

  @Test
  void aDeliverySignedWithASecretThatIsNoLongerLive_isAMismatch() {
    for (AbstractScheme scheme : SchemeCatalog.all()) {
      String retired = SchemeCatalog.secretFor(scheme, RANDOM);
      List<String> candidates =
          List.of(
              SchemeCatalog.secretFor(scheme, RANDOM),
              SchemeCatalog.secretFor(scheme, RANDOM),
              SchemeCatalog.secretFor(scheme, RANDOM));
      Map<String, String> headers = scheme.sign(retired, BODY, NOW, "msg_retired");

      assertRejected(
          scheme.verify(Fixtures.request(headers, BODY), candidates, NOW),
          RejectionReason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void aProviderSigningWithOldAndNewSecrets_verifiesAgainstEitherSide() {
    String old = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
    String next = Fixtures.newWhsec();
    Map<String, String> stripe = StripeScheme.signWithEach(List.of(old, next), BODY, NOW);
    Map<String, String> standard =
        StandardWebhooksScheme.signWithEach(List.of(old, next), BODY, NOW, "msg_both");

    for (List<String> candidates : List.of(List.of(old), List.of(next))) {
      assertVerified(new StripeScheme().verify(Fixtures.request(stripe, BODY), candidates, NOW));
      assertVerified(
          new StandardWebhooksScheme().verify(Fixtures.request(standard, BODY), candidates, NOW));
    }
  }
}
