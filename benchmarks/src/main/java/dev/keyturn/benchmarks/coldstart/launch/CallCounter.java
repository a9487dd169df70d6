package dev.keyturn.benchmarks.coldstart.launch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls of the invocation (service and operation), so the report shows that the
 * keyturn handler and its bare counterpart did the same work. Registered for every SDK client on
 * the class path through {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 */
public final class CallCounter implements ExecutionInterceptor {

  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** {@code --jvm-option -Dcoldstart.traceCalls=true}: every request, to compare the handlers'. */
  private static final boolean TRACE = Boolean.getBoolean("coldstart.traceCalls");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String call =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + "."
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
    if (TRACE) {
      // the SDK's toString redacts sensitive fields (secret values)
      System.err.println("coldstart call " + call + " " + context.request());
    }
  }

  static void reset() {
    CALLS.clear();
  }

  /** The counts as a JSON object, sorted by call. */
  static String json() {
    return new TreeMap<>(CALLS)
        .entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + e.getValue().get())
            .collect(Collectors.joining(",", "{", "}"));
  }
}
