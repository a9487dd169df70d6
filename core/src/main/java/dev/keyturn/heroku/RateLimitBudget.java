package dev.keyturn.heroku;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The last {@code RateLimit-Remaining} Heroku reported. Heroku refills the budget continuously
 * (about 75 requests a minute), so an old reading says nothing and is ignored after {@link
 * #FRESHNESS}.
 */
final class RateLimitBudget {

  static final String HEADER = "RateLimit-Remaining";
  static final Duration FRESHNESS = Duration.ofMinutes(1);

  private final Clock clock;
  private final int reserve;
  private volatile Reading last;

  RateLimitBudget(Clock clock, int reserve) {
    this.clock = clock;
    this.reserve = reserve;
  }

  private record Reading(int remaining, Instant at) {}

  void observe(HttpHeaders headers) {
    headers
        .firstValue(HEADER)
        .flatMap(RateLimitBudget::parse)
        .ifPresent(n -> last = new Reading(n, clock.instant()));
  }

  private static java.util.Optional<Integer> parse(String value) {
    try {
      return java.util.Optional.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException ignored) {
      return java.util.Optional.empty();
    }
  }

  /** The last fresh reading, if any. */
  OptionalInt remaining() {
    Reading r = last;
    if (r == null || r.at().plus(FRESHNESS).isBefore(clock.instant())) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(r.remaining());
  }

  /** Throws when starting {@code calls} more requests would eat into the reserve. */
  void ensure(int calls) {
    OptionalInt remaining = remaining();
    if (remaining.isPresent() && remaining.getAsInt() - calls < reserve) {
      throw RateLimitLowException.budgetLow(remaining.getAsInt(), reserve);
    }
  }

  int reserve() {
    return reserve;
  }
}
