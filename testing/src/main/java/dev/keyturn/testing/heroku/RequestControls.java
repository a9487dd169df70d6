package dev.keyturn.testing.heroku;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The rate-limit budget and the queue of injected faults. Faults are served first in, first out,
 * one per request that passed the contract checks and authentication.
 */
final class RequestControls {

  /** Heroku's real allowance: 4500 requests per hour per account. */
  static final int DEFAULT_BUDGET = 4500;

  /** Something injected to happen to one request instead of (or around) normal handling. */
  sealed interface Fault {}

  /** Answer with this 5xx status without doing anything. */
  record Failure(int status) implements Fault {}

  /** Answer 429 as if the budget were exhausted. */
  record RateLimited() implements Fault {}

  /** Hold the request for a while; see {@link DelayedEffect}. */
  record Delay(Duration duration, DelayedEffect effect) implements Fault {}

  /** Nothing happens to this request: it only takes a place in the queue. */
  record Pass() implements Fault {}

  private final Deque<Fault> faults = new ArrayDeque<>();
  private int budget = DEFAULT_BUDGET;

  synchronized void enqueue(int times, Fault fault) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative: " + times);
    }
    for (int i = 0; i < times; i++) {
      faults.addLast(fault);
    }
  }

  synchronized Optional<Fault> nextFault() {
    return Optional.ofNullable(faults.pollFirst());
  }

  synchronized int pendingFaults() {
    return faults.size();
  }

  /** Takes one request from the budget; false when none is left. */
  synchronized boolean consumeBudget() {
    if (budget == 0) {
      return false;
    }
    budget--;
    return true;
  }

  synchronized int remaining() {
    return budget;
  }

  synchronized void setBudget(int requests) {
    if (requests < 0) {
      throw new IllegalArgumentException("budget must not be negative: " + requests);
    }
    budget = requests;
  }

  synchronized void reset() {
    faults.clear();
    budget = DEFAULT_BUDGET;
  }
}
