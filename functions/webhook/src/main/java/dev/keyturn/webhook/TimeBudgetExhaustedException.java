package dev.keyturn.webhook;

/**
 * The invocation has no time left to finish a step and still release the delivery's claim, so it
 * stops before the step (the provider retries). Carries the step's name.
 */
public final class TimeBudgetExhaustedException extends RuntimeException {

  private final String step;

  public TimeBudgetExhaustedException(String step) {
    super("no time left for " + step);
    this.step = step;
  }

  public String step() {
    return step;
  }
}
