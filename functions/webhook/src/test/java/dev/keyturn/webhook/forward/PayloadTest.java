package dev.keyturn.webhook.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

  private static Payload of(String text) {
    return Payload.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "[]", "1", "\"s\"", "null", " {\"a\":[1,2,{\"b\":null}]} \n", "1.50e10"})
  void standardJson_isJson_keptAsTheExactText(String text) {
    Payload payload = of(text);

    assertThat(payload.format()).isEqualTo(Payload.Format.JSON);
    assertThat(payload.text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "{} {}",
        "{'a':1}",
        "{\"a\":1,\"a\":2}",
        "NaN",
        "// c\n{}",
        "\uFEFF{}",
        "a=b&c=d",
        "[1,]"
      })
  void anythingElseInUtf8_isText(String text) {
    assertThat(of(text).format()).isEqualTo(Payload.Format.TEXT);
  }

  @org.junit.jupiter.api.Test
  void deeplyNestedJson_isText_notAnError() {
    assertThat(of("[".repeat(5000) + "]".repeat(5000)).format()).isEqualTo(Payload.Format.TEXT);
  }

  @org.junit.jupiter.api.Test
  void invalidUtf8_isBase64() {
    Payload payload = Payload.of(new byte[] {(byte) 0xc3, 0x28});

    assertThat(payload.format()).isEqualTo(Payload.Format.BASE64);
    assertThat(payload.text()).isEqualTo("wyg=");
  }

  @org.junit.jupiter.api.Test
  void toString_showsNoBody() {
    assertThat(of("{\"secret\":\"kt-seed-x\"}").toString()).doesNotContain("kt-seed");
  }
}
