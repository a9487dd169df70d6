package dev.keyturn.rotate.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {

  @Test
  void toString_leavesTheCurrentValueOut() {
    String current = "s3cr3t-current-value";
    GenerationRequest request =
        new GenerationRequest("db-password", Map.of("length", "8"), current);

    assertThat(request.toString().contains(current)).as("toString shows the value").isFalse();
    assertThat(request.toString()).contains("db-password", "<redacted>");
  }

  @Test
  void hasCurrentValue_isFalse_forAbsentOrBlankValues() {
    assertThat(GenerationRequest.first("a", Map.of()).hasCurrentValue()).isFalse();
    assertThat(new GenerationRequest("a", Map.of(), " \n").hasCurrentValue()).isFalse();
    assertThat(new GenerationRequest("a", Map.of(), "x").hasCurrentValue()).isTrue();
  }

  @Test
  void options_areCopied_andNullMeansNone() {
    Map<String, String> options = new HashMap<>(Map.of("length", "8"));
    GenerationRequest request = new GenerationRequest("a", options, null);
    options.put("length", "9");

    assertThat(request.options()).containsExactly(Map.entry("length", "8"));
    assertThat(new GenerationRequest("a", null, null).options()).isEmpty();
  }

  @Test
  void secretName_isRequired() {
    assertThatThrownBy(() -> new GenerationRequest(null, Map.of(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
