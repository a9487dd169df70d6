package dev.keyturn.rotate.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;

/**
 * Sees every AWS SDK call made in this JVM: registered as a global interceptor (test resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so it is attached to the
 * clients the function itself builds, with nothing changed in production code.
 *
 * <p>Only while {@link #arm armed} (the test arms it around handler invocations) it counts calls,
 * injects the planned fault, and keeps the first value Secrets Manager accepted under each version
 * id (a put that got an answer, or whose answer the AFTER fault discarded) so a test can prove no
 * value was replaced. Calls of test set-up and assertions are not counted.
 */
public final class AwsCallTap implements ExecutionInterceptor {

  /** When an injected fault strikes. */
  public enum Mode {
    /** The request never reaches the service. */
    BEFORE,
    /** The service did the work, but the answer is lost (what a timeout risks). */
    AFTER
  }

  /** Fail the {@code occurrence}-th call (1-based, counted while armed) of {@code operation}. */
  public record Fault(String operation, int occurrence, Mode mode) {
    @Override
    public String toString() {
      return operation + "#" + occurrence + "/" + mode;
    }
  }

  /** Thrown in place of an AWS answer. */
  public static final class InjectedFault extends RuntimeException {
    InjectedFault(Fault fault) {
      super("injected fault at " + fault);
    }
  }

  private static final Object LOCK = new Object();
  private static boolean armed;
  private static final List<String> calls = new ArrayList<>();
  private static final Map<String, Integer> occurrences = new HashMap<>();
  private static Fault fault;
  private static boolean faultFired;
  private static final Map<String, String> firstPutValue = new HashMap<>();
  private static final List<String> replacedVersions = new ArrayList<>();
  private static final Map<String, String> rotationTokens = new HashMap<>();

  /** Forgets calls, values and any fault; disarms. */
  public static void reset() {
    synchronized (LOCK) {
      armed = false;
      calls.clear();
      occurrences.clear();
      fault = null;
      faultFired = false;
      firstPutValue.clear();
      replacedVersions.clear();
      rotationTokens.clear();
    }
  }

  public static void arm(boolean on) {
    synchronized (LOCK) {
      armed = on;
    }
  }

  public static void plan(Fault planned) {
    synchronized (LOCK) {
      fault = planned;
      faultFired = false;
    }
  }

  public static boolean faultFired() {
    synchronized (LOCK) {
      return faultFired;
    }
  }

  /** Every counted call as {@code Service.Operation}, in order. */
  public static List<String> calls() {
    synchronized (LOCK) {
      return List.copyOf(calls);
    }
  }

  /** The first value PutSecretValue stored under a version id (never printed by the tests). */
  public static String firstValuePut(String versionId) {
    synchronized (LOCK) {
      return firstPutValue.get(versionId);
    }
  }

  /** Version ids for which a later PutSecretValue carried a different value than the first. */
  public static List<String> replacedVersions() {
    synchronized (LOCK) {
      return List.copyOf(replacedVersions);
    }
  }

  /** The RotationToken PutSecretValue carried for a version id, or null. */
  public static String rotationTokenPut(String versionId) {
    synchronized (LOCK) {
      return rotationTokens.get(versionId);
    }
  }

  /** How many counted calls each {@code Service.Operation} had. */
  public static Map<String, Long> countsByOperation() {
    synchronized (LOCK) {
      Map<String, Long> counts = new java.util.TreeMap<>();
      calls.forEach(c -> counts.merge(c, 1L, Long::sum));
      return counts;
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = operation(attributes);
    synchronized (LOCK) {
      if (!armed) {
        return;
      }
      calls.add(operation);
      int n = occurrences.merge(operation, 1, Integer::sum);
      if (strikes(operation, n, Mode.BEFORE)) {
        throw new InjectedFault(fault);
      }
      attributes.putAttribute(OCCURRENCE, n);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Integer n = attributes.getAttribute(OCCURRENCE);
    synchronized (LOCK) {
      if (n != null) {
        // the service answered, so what the request carried is stored
        rememberPut(context.request());
      }
      if (armed && n != null && strikes(operation(attributes), n, Mode.AFTER)) {
        throw new InjectedFault(fault);
      }
    }
  }

  private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Integer>
      OCCURRENCE =
          new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("tap-occurrence");

  private static void rememberPut(Object request) {
    if (request instanceof PutSecretValueRequest put && put.secretString() != null) {
      String first = firstPutValue.putIfAbsent(put.clientRequestToken(), put.secretString());
      if (first != null && !first.equals(put.secretString())) {
        replacedVersions.add(put.clientRequestToken());
      }
      if (put.rotationToken() != null) {
        rotationTokens.put(put.clientRequestToken(), put.rotationToken());
      }
    }
  }

  private static boolean strikes(String operation, int n, Mode mode) {
    if (fault == null || faultFired || fault.mode() != mode) {
      return false;
    }
    if (fault.operation().equals(operation) && fault.occurrence() == n) {
      faultFired = true;
      return true;
    }
    return false;
  }

  private static String operation(ExecutionAttributes attributes) {
    return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
        + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
  }
}
