package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.testing.time.MutableClock;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitBudgetTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final RateLimitBudget budget = new RateLimitBudget(clock, 50);

  @Test
  void ensure_passes_beforeAnyReading() {
    budget.ensure(1000);
  }

  @Test
  void ensure_throws_whenWorkWouldEatIntoReserve() {
    budget.observe(headers("52"));
    budget.ensure(2);
    assertThatThrownBy(() -> budget.ensure(3))
        .isInstanceOf(RateLimitLowException.class)
        .extracting(e -> ((RateLimitLowException) e).remaining())
        .isEqualTo(52);
  }

  @Test
  void ensure_ignoresStaleReading_becauseHerokuRefillsTheBudget() {
    budget.observe(headers("10"));
    clock.advance(RateLimitBudget.FRESHNESS.plusSeconds(1));
    budget.ensure(3);
    assertThat(budget.remaining()).isEmpty();
  }

  @Test
  void observe_ignoresGarbageHeader() {
    budget.observe(headers("lots"));
    assertThat(budget.remaining()).isEmpty();
  }

  private static HttpHeaders headers(String remaining) {
    return HttpHeaders.of(Map.of("RateLimit-Remaining", List.of(remaining)), (a, b) -> true);
  }
}
