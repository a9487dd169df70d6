package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification succeeds if and only if one of the candidates signed, and names the first. */
class CandidateSecretsPropertyTest {

  private static final int TRIES = 3_000;

  @Test
  void aSignatureByAnyCandidate_verifies_andReportsThatCandidatesIndex() {
    PropertyCheck.forAll(
        "signature by any candidate verifies",
        TRIES,
        random -> {
          SignedDelivery delivery =
              SignedDelivery.generate(Gen.oneOf(random, SchemeCatalog.all()), random);
          List<String> candidates = new ArrayList<>();
          int others = random.nextInt(6);
          for (int i = 0; i < others; i++) {
            candidates.add(
                random.nextInt(3) == 0
                    ? Gen.oneOf(random, List.of("", "whsec_???", "whpk_AAAA"))
                    : SchemeCatalog.secretFor(delivery.scheme(), random));
          }
          int signerIndex = random.nextInt(candidates.size() + 1);
          candidates.add(signerIndex, delivery.secret());

          VerificationResult result = delivery.verifyWith(delivery.request(), candidates);

          assertThat(result).isInstanceOf(Verified.class);
          assertThat(((Verified) result).matchedCandidate())
              .isEqualTo(candidates.indexOf(delivery.secret()));
        });
  }

  @Test
  void aSignatureByNoCandidate_isAMismatchWorthARefresh() {
    PropertyCheck.forAll(
        "signature by no candidate is a mismatch",
        TRIES,
        random -> {
          SignedDelivery delivery =
              SignedDelivery.generate(Gen.oneOf(random, SchemeCatalog.all()), random);
          List<String> candidates = new ArrayList<>();
          int count = 1 + random.nextInt(4);
          for (int i = 0; i < count; i++) {
            candidates.add(SchemeCatalog.secretFor(delivery.scheme(), random));
          }

          VerificationResult result = delivery.verifyWith(delivery.request(), candidates);

          assertThat(result).isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
          assertThat(((Rejected) result).refreshMayHelp()).isTrue();
        });
  }
}
