package dev.keyturn.testing.fakes;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every fake shares: failures injected on purpose and a count of answered calls, both by
 * operation, the port method's name ({@code "putPending"}, {@code "liveVersions"}) or {@link #ANY}.
 * A name the fake's ports do not declare is refused, so a typo cannot leave a test without its
 * fault.
 *
 * <p>An injected failure is an {@link InjectedFault} thrown before the call changes anything, the
 * way a request that never reached the service fails.
 */
public abstract class FakePort {

  /** Every operation of the fake. */
  public static final String ANY = "*";

  private final Set<String> operations;
  private final Map<String, Integer> failuresLeft = new HashMap<>();
  private final Set<String> failingAlways = new HashSet<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final Map<String, Runnable> before = new HashMap<>();
  private final Map<String, Integer> failAfter = new HashMap<>();

  protected FakePort() {
    this.operations =
        Arrays.stream(getClass().getInterfaces())
            .flatMap(port -> Arrays.stream(port.getMethods()))
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The next {@code times} calls of {@code operation} fail, then it answers again. */
  public final synchronized void failNext(String operation, int times) {
    failuresLeft.merge(known(operation), times, Integer::sum);
  }

  /**
   * The {@code nth} next call of {@code operation} (1 = the next one) fails once; the calls before
   * it answer. For fault tests that must reach a later call of an operation.
   */
  public final synchronized void failCall(String operation, int nth) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth must be >= 1");
    }
    failAfter.put(known(operation), nth);
  }

  /** Every call of {@code operation} fails until {@link #heal()}: the service is down. */
  public final synchronized void failAlways(String operation) {
    failingAlways.add(known(operation));
  }

  /**
   * Runs {@code action} at the start of every call of {@code operation}, before an injected failure
   * is thrown: a test's stand-in for a slow service (advance a clock) or for another request
   * arriving meanwhile. It runs on the calling thread, inside the call, so it may call the fake
   * again; null forgets it.
   */
  public final synchronized void beforeCall(String operation, Runnable action) {
    if (action == null) {
      before.remove(known(operation));
    } else {
      before.put(known(operation), action);
    }
  }

  /** Forgets every injected failure. */
  public final synchronized void heal() {
    failuresLeft.clear();
    failingAlways.clear();
    failAfter.clear();
  }

  /** How many calls of {@code operation} were answered (failed ones are not counted). */
  public final synchronized int calls(String operation) {
    if (ANY.equals(operation)) {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
    return calls.getOrDefault(known(operation), 0);
  }

  /**
   * Called first by every port method: runs the {@link #beforeCall} action, then throws an injected
   * failure, or counts the call.
   */
  protected final synchronized void enter(String operation) {
    Runnable action = before.get(operation);
    if (action != null) {
      action.run();
    }
    if (failingAlways.contains(operation) || failingAlways.contains(ANY)) {
      throw new InjectedFault(getClass().getSimpleName(), operation);
    }
    if (consume(operation) || consume(ANY) || countDown(operation) || countDown(ANY)) {
      throw new InjectedFault(getClass().getSimpleName(), operation);
    }
    calls.merge(operation, 1, Integer::sum);
  }

  private boolean countDown(String key) {
    Integer left = failAfter.get(key);
    if (left == null) {
      return false;
    }
    if (left == 1) {
      failAfter.remove(key);
      return true;
    }
    failAfter.put(key, left - 1);
    return false;
  }

  private boolean consume(String key) {
    Integer left = failuresLeft.get(key);
    if (left == null || left == 0) {
      return false;
    }
    failuresLeft.put(key, left - 1);
    return true;
  }

  private String known(String operation) {
    if (!ANY.equals(operation) && !operations.contains(operation)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " has no operation " + operation + "; it has " + operations);
    }
    return operation;
  }
}
