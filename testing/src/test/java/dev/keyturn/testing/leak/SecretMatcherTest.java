package dev.keyturn.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {

  // not registered: these tests must not trip the real guard; "???>>>" puts '/' and '+' into
  // the standard Base64 form, so it differs from the URL-safe one
  private static final String SECRET = "kt-fake-???>>>p@ss/w+rd \"quoted\"";
  private final SecretMatcher matcher = SecretMatcher.of(List.of(SECRET));

  @Test
  void find_reportsTheRawValue() {
    assertThat(matcher.find("user=admin password=" + SECRET + " ok")).contains("raw");
  }

  @Test
  void find_reportsBase64AndBase64UrlForms_evenWithoutPadding() {
    byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);

    assertThat(matcher.find("h=" + Base64.getEncoder().encodeToString(bytes))).contains("base64");
    assertThat(matcher.find("h=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
        .contains("base64url");
  }

  @Test
  void find_reportsUrlEncodedAndJsonEscapedForms() {
    assertThat(matcher.find("?q=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)))
        .contains("url-encoded");
    assertThat(matcher.find("{\"v\":\"kt-fake-???>>>p@ss/w+rd \\\"quoted\\\"\"}"))
        .contains("json-escaped");
  }

  @Test
  void find_ignoresTextWithoutAnySeededValue() {
    assertThat(matcher.find("kt-fake-???>>>p@ss/w+rd only half")).isEmpty();
    assertThat(matcher.find("")).isEmpty();
    assertThat(SecretMatcher.of(List.of()).find(SECRET)).isEmpty();
  }

  @Test
  void mask_removesEveryFormOfTheValue() {
    String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

    String masked = matcher.mask("a " + SECRET + " b " + encoded);

    assertThat(matcher.find(masked)).isEmpty();
    assertThat(masked).startsWith("a <seeded secret> b <seeded secret>");
  }
}
