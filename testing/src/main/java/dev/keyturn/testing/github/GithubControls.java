package dev.keyturn.testing.github;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's primary rate limit (every answer carries {@code x-ratelimit-*}; at zero remaining the
 * answer is 403 "API rate limit exceeded") and the queue of injected faults: secondary rate limits
 * (403 or 429 with {@code retry-after}) and server errors. Faults are served first in, first out,
 * one per request that passed the contract checks and authentication.
 */
final class GithubControls {

  /** A personal token's hourly allowance. */
  static final int LIMIT = 5000;

  sealed interface Fault {}

  /** GitHub's secondary limit: this status, {@code retry-after} seconds. */
  record SecondaryLimit(int status, int retryAfterSeconds) implements Fault {}

  /** A server error; nothing is changed. */
  record ServerError(int status) implements Fault {}

  /** Answered normally: lets a fault queued after it hit a later request. */
  record Pass() implements Fault {}

  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Clock clock;
  private int remaining = LIMIT;
  private long resetEpoch;

  GithubControls(Clock clock) {
    this.clock = clock;
    this.resetEpoch = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
  }

  synchronized void enqueue(int times, Fault fault) {
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
  synchronized boolean consume() {
    if (remaining == 0) {
      return false;
    }
    remaining--;
    return true;
  }

  synchronized void setRemaining(int requests) {
    remaining = requests;
  }

  synchronized int remaining() {
    return remaining;
  }

  /** The headers every answer carries. */
  synchronized Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-ratelimit-limit", String.valueOf(LIMIT));
    h.put("x-ratelimit-remaining", String.valueOf(remaining));
    h.put("x-ratelimit-used", String.valueOf(LIMIT - remaining));
    h.put("x-ratelimit-reset", String.valueOf(resetEpoch));
    h.put("x-ratelimit-resource", "core");
    return h;
  }

  synchronized void reset() {
    faults.clear();
    remaining = LIMIT;
    resetEpoch = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
  }
}
