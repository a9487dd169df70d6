package dev.keyturn.testing.cloudflare;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Workers by {@code <account>/<script>}, valid tokens, and the queue of injected faults. */
final class CloudflareState {

  sealed interface Fault {}

  /** 429 with this Retry-After. */
  record Limited(int retryAfter) implements Fault {}

  /** A server error; nothing changes. */
  record Failure(int status) implements Fault {}

  /** Answered normally. */
  record Pass() implements Fault {}

  final Map<String, Worker> workers = new ConcurrentHashMap<>();
  final Set<String> tokens = ConcurrentHashMap.newKeySet();
  final String defaultToken = "cf-" + UUID.randomUUID().toString().replace("-", "");
  private final Deque<Fault> faults = new ArrayDeque<>();

  CloudflareState() {
    tokens.add(defaultToken);
  }

  synchronized void enqueue(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      faults.addLast(fault);
    }
  }

  synchronized Fault nextFault() {
    return faults.pollFirst();
  }

  synchronized int pendingFaults() {
    return faults.size();
  }

  synchronized void reset() {
    workers.clear();
    tokens.clear();
    tokens.add(defaultToken);
    faults.clear();
  }
}
