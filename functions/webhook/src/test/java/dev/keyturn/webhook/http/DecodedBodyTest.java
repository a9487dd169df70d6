package dev.keyturn.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodedBodyTest {

  private static DecodedBody decode(String body, boolean base64, int limit) {
    return DecodedBody.of(new InboundRequest("POST", "/webhooks/x", Map.of(), body, base64), limit);
  }

  @Test
  void plainText_isItsUtf8Bytes() {
    DecodedBody body = decode("é", false, 10);

    assertThat(body).isInstanceOf(DecodedBody.Bytes.class);
    assertThat(((DecodedBody.Bytes) body).bytes()).containsExactly(0xc3, 0xa9);
  }

  @Test
  void base64_isDecoded() {
    DecodedBody body = decode(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), true, 3);

    assertThat(((DecodedBody.Bytes) body).bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void limit_countsDecodedBytes() {
    String encoded = Base64.getEncoder().encodeToString(new byte[4]);

    assertThat(decode(encoded, true, 4)).isInstanceOf(DecodedBody.Bytes.class);
    assertThat(decode(encoded, true, 3)).isInstanceOf(DecodedBody.TooLarge.class);
    assertThat(decode("é", false, 1)).isInstanceOf(DecodedBody.TooLarge.class);
  }

  @Test
  void hugeBase64_isRefusedBeforeDecoding_evenIfInvalid() {
    assertThat(decode("!".repeat(10_000), true, 100)).isInstanceOf(DecodedBody.TooLarge.class);
  }

  @Test
  void invalidBase64_isMalformed() {
    assertThat(decode("not base64!", true, 100)).isInstanceOf(DecodedBody.Malformed.class);
  }

  @Test
  void missingBody_isEmpty() {
    assertThat(((DecodedBody.Bytes) decode(null, true, 0)).bytes()).isEmpty();
    assertThat(((DecodedBody.Bytes) decode("", false, 0)).bytes()).isEmpty();
  }

  @Test
  void unpaddedBase64_isAccepted() {
    byte[] bytes = "ab".getBytes(StandardCharsets.UTF_8);
    String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);

    assertThat(((DecodedBody.Bytes) decode(unpadded, true, 10)).bytes()).isEqualTo(bytes);
  }
}
