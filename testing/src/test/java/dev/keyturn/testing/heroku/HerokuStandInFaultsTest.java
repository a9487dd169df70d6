package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.testing.heroku.ApiCalls.Reply;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithHerokuStandIn
class HerokuStandInFaultsTest {

  private static final String CONFIG_VARS = "/apps/billing/config-vars";

  private final HerokuStandIn standIn;
  private final ApiCalls api;

  HerokuStandInFaultsTest(HerokuStandIn standIn) {
    this.standIn = standIn;
    this.api = new ApiCalls(standIn);
  }

  @BeforeEach
  void app() {
    standIn.createApp("billing", Map.of("A", "1"));
  }

  @Test
  void everyAnswer_carriesRateLimitRemaining_countingDown() {
    standIn.setRateLimitBudget(10);

    Reply first = api.get(CONFIG_VARS);
    Reply second = api.get(CONFIG_VARS);

    assertThat(first.header("RateLimit-Remaining")).isEqualTo("9");
    assertThat(second.header("RateLimit-Remaining")).isEqualTo("8");
    assertThat(standIn.rateLimitRemaining()).isEqualTo(8);
  }

  @Test
  void exhaustedBudget_isAnswered429_withHerokusBody_untilRefilled() {
    standIn.setRateLimitBudget(1);
    api.get(CONFIG_VARS);

    Reply limited = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorId()).isEqualTo("rate_limit");
    assertThat(limited.body().path("message").asText())
        .isEqualTo(
            "Your account reached the API rate limit\n"
                + "Please wait a few minutes before making new requests");
    assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(standIn.releases("billing")).hasSize(1);

    standIn.setRateLimitBudget(5);
    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(200);
  }

  @Test
  void rateLimitNext_answers429_thenServesNormally() {
    standIn.rateLimitNext(1);

    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(429);
    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(200);
  }

  @Test
  void failNext_answersTheStatus_withoutApplyingThePatch() {
    standIn.failNext(2, 503);

    Reply first = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");
    Reply second = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");
    Reply third = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorId()).isEqualTo("service_unavailable");
    assertThat(first.body().path("message").asText()).isNotBlank();
    assertThat(second.status()).isEqualTo(503);
    assertThat(third.status()).isEqualTo(200);
    assertThat(standIn.releases("billing")).hasSize(2);
  }

  @Test
  void failNth_servesTheRequestsBefore_andFailsOnlyTheNth() {
    standIn.failNth(3, 502);

    Reply first = api.get(CONFIG_VARS);
    Reply second = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");
    Reply third = api.patch(CONFIG_VARS, "{\"A\":\"3\"}");
    Reply fourth = api.get(CONFIG_VARS);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(third.status()).isEqualTo(502);
    assertThat(fourth.body().path("A").asText()).isEqualTo("2");
    assertThat(standIn.pendingFaults()).isZero();
  }

  @Test
  void failNext_refusesNonServerErrors() {
    assertThatThrownBy(() -> standIn.failNext(1, 404)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void faults_skipRequestsThatBreakTheContract() {
    standIn.failNext(1, 500);

    Reply invalid = api.patch(CONFIG_VARS, "{\"A\":1}");
    standIn.clearContractViolations();

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(standIn.pendingFaults()).isEqualTo(1);
    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(500);
  }

  @Test
  void delayedPatch_timesTheClientOut_butTakesEffect() throws Exception {
    standIn.delayNext(1, Duration.ofSeconds(30));
    HttpRequest.Builder patch =
        api.request(CONFIG_VARS)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"A\":\"2\"}"));

    assertThatThrownBy(() -> api.sendExpectingTimeout(patch, Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);

    awaitTrue(() -> standIn.releases("billing").size() == 2);
    assertThat(standIn.hasConfigVar("billing", "A", "2")).isTrue();
    assertThat(standIn.releases("billing").getLast().description()).isEqualTo("Set A config var");
  }

  @Test
  void delayedPatch_withEffectNotApplied_answers503_andChangesNothing() {
    standIn.delayNext(1, Duration.ofMillis(200), DelayedEffect.NOT_APPLIED);

    Reply reply = api.patch(CONFIG_VARS, "{\"A\":\"2\"}");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(standIn.releases("billing")).hasSize(1);
    assertThat(standIn.hasConfigVar("billing", "A", "1")).isTrue();
  }

  @Test
  void faults_areServedInTheOrderTheyWereQueued() {
    standIn.failNext(1, 502);
    standIn.rateLimitNext(1);

    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(502);
    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(429);
    assertThat(api.get(CONFIG_VARS).status()).isEqualTo(200);
  }

  /** Waits for a condition the server reaches on its own thread; bounded, never a timing test. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
