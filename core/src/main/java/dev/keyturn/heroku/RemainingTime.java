package dev.keyturn.heroku;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the caller may still run: a Lambda function's remaining time, so a wait the server asks
 * for ({@code Retry-After}) is honoured when it fits and given up at once when it cannot.
 */
@FunctionalInterface
public interface RemainingTime {

  /** No known deadline (the CLI, tools). */
  RemainingTime UNKNOWN = Optional::empty;

  /** The time left, or empty when there is no known deadline. */
  Optional<Duration> remaining();
}
