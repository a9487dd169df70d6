package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml gives the webhook function time to finish what it starts: every AWS call of the
 * worst path ends within the function's timeout, and a pending claim runs out before it.
 */
class WebhookTemplateTest {

  /**
   * The most AWS calls one delivery makes: inventory, secret versions, the re-read after a
   * mismatch, claim, release confirmation, publish, completion. The sender sighting's write comes
   * after and starts only when one call's time is left before the deadline, so it is not one more.
   */
  static final int WORST_PATH_CALLS = 7;

  static JsonNode function;
  static JsonNode environment;

  @BeforeAll
  static void read() throws IOException {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    // intrinsic-function tags read as their plain values: enough for these checks
    JsonNode template =
        new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("template.yaml").toFile());
    function = template.path("Resources").path("WebhookFunction").path("Properties");
    environment = function.path("Environment").path("Variables");
  }

  private static Duration duration(String variable) {
    String text = environment.path(variable).asText();
    assertThat(text).as(variable).matches("\\d+(ms|s)");
    return text.endsWith("ms")
        ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
        : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
  }

  private static Duration timeout() {
    return Duration.ofSeconds(function.path("Timeout").asLong());
  }

  @Test
  void worstPathOfAwsCalls_endsBeforeTheFunctionTimesOut() {
    Duration call = duration("KEYTURN_AWS_CALL_TIMEOUT");

    assertThat(call.multipliedBy(WORST_PATH_CALLS).plus(Invocation.RESPONSE_RESERVE))
        .isLessThanOrEqualTo(timeout());
    assertThat(duration("KEYTURN_AWS_ATTEMPT_TIMEOUT")).isLessThanOrEqualTo(call);
  }

  @Test
  void pendingClaim_runsOutBeforeTheFunction_andCoversTheCallsMadeWhileItIsHeld() {
    Duration claim = duration("KEYTURN_WEBHOOK_CLAIM_TTL");
    Duration call = duration("KEYTURN_AWS_CALL_TIMEOUT");

    assertThat(claim).isLessThan(timeout());
    assertThat(claim).isGreaterThanOrEqualTo(call.multipliedBy(3));
  }

  @Test
  void templateSettings_matchTheFunctionsOwnDefaults() {
    assertThat(duration("KEYTURN_AWS_CALL_TIMEOUT"))
        .isEqualTo(WebhookSettings.DEFAULT_AWS_CALL_TIMEOUT);
    assertThat(duration("KEYTURN_AWS_ATTEMPT_TIMEOUT"))
        .isEqualTo(WebhookSettings.DEFAULT_AWS_ATTEMPT_TIMEOUT);
    assertThat(duration("KEYTURN_WEBHOOK_CLAIM_TTL")).isEqualTo(WebhookSettings.DEFAULT_CLAIM_TTL);
    assertThat(timeout()).isEqualTo(Invocation.DEFAULT_BUDGET);
  }
}
