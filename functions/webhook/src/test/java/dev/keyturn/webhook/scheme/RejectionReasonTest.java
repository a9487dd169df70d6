package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectionReasonTest {

  @Test
  void onlyMalformedHeadersAreABadRequest_everythingElseIsUnauthorized() {
    for (RejectionReason reason : RejectionReason.values()) {
      assertThat(reason.httpStatus())
          .as(reason.name())
          .isEqualTo(reason == RejectionReason.MALFORMED_HEADER ? 400 : 401);
    }
  }

  @Test
  void onlyASignatureMismatchIsWorthRefreshingTheSecretsFor() {
    assertThat(Arrays.stream(RejectionReason.values()).filter(RejectionReason::refreshMayHelp))
        .containsExactly(RejectionReason.SIGNATURE_MISMATCH);
  }
}
