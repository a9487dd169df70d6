package dev.keyturn.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.webhook.scheme.InvalidSchemeOptionsException;
import dev.keyturn.webhook.scheme.UnknownSchemeException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryCheckTest {

  @ParameterizedTest
  @CsvSource({
    "standard-webhooks,,PT10M",
    "stripe,,PT10M",
    "slack,,PT10M",
    "stripe,60,PT2M",
    "slack,3600,PT2H",
    "github,,P7D",
    "heroku,,P7D",
    "shopify,,P7D",
    "freescout,,P7D"
  })
  void replayTtl_isTwiceTheTolerance_orTheUntimedWindow(
      String scheme, Integer tolerance, Duration expected) {
    DeliveryCheck check = DeliveryCheck.of(scheme, Map.of(), tolerance, Duration.ofDays(7));

    assertThat(check.replayTtl()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"github,30d,P30D", "heroku,48h,PT48H", "shopify,90m,PT1H30M", "freescout,400d,P400D"})
  void sourceOwnReplayTtl_replacesTheDefaultWindow_forSchemesThatSignNoTimestamp(
      String scheme, String replayTtl, Duration expected) {
    DeliveryCheck check =
        DeliveryCheck.of(scheme, Map.of("replayTtl", replayTtl), null, Duration.ofDays(7));

    assertThat(check.replayTtl()).isEqualTo(expected);
  }

  @Test
  void genericHmac_takesAReplayTtlToo() {
    DeliveryCheck check =
        DeliveryCheck.of(
            "generic-hmac",
            Map.of("header", "X-Sig", "replayTtl", "14d"),
            null,
            Duration.ofDays(7));

    assertThat(check.replayTtl()).isEqualTo(Duration.ofDays(14));
  }

  @ParameterizedTest
  @CsvSource({"github,59m", "github,401d", "github,7", "github,7w", "github,-1d", "stripe,7d"})
  void replayTtl_outOfRangeMalformed_orOnATimestampedScheme_isRefusedNamingTheOption(
      String scheme, String replayTtl) {
    assertThatThrownBy(() ->
            DeliveryCheck.of(scheme, Map.of("replayTtl", replayTtl), null, Duration.ofDays(7)))
        .isInstanceOfSatisfying(
            InvalidSchemeOptionsException.class,
            e -> assertThat(e.option()).isEqualTo("replayTtl"));
  }

  @Test
  void untimedWindow_isConfigurable() {
    assertThat(DeliveryCheck.of("github", Map.of(), null, Duration.ofDays(30)).replayTtl())
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void signsTimestamp_onlyForTimestampedSchemes() {
    assertThat(DeliveryCheck.of("stripe", Map.of()).signsTimestamp()).isTrue();
    assertThat(DeliveryCheck.of("heroku", Map.of()).signsTimestamp()).isFalse();
  }

  @Test
  void badSchemeOrOptions_areNamedErrors() {
    assertThatThrownBy(() -> DeliveryCheck.of("nope", Map.of()))
        .isInstanceOf(UnknownSchemeException.class);
    assertThatThrownBy(() -> DeliveryCheck.of("github", Map.of(), 60, Duration.ofDays(7)))
        .isInstanceOf(InvalidSchemeOptionsException.class);
    assertThatThrownBy(() -> DeliveryCheck.of("generic-hmac", Map.of()))
        .isInstanceOf(InvalidSchemeOptionsException.class);
  }

  @Test
  void schemeOptions_addTheToleranceToTheOptions() {
    assertThat(DeliveryCheck.schemeOptions(Map.of("header", "X-Sig"), 30))
        .containsExactlyInAnyOrderEntriesOf(Map.of("header", "X-Sig", "toleranceSeconds", "30"));
    assertThat(DeliveryCheck.schemeOptions(null, null)).isEmpty();
  }
}
