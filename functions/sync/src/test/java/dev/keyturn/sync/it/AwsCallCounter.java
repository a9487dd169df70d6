package dev.keyturn.sync.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls by {@code Service.Operation} (the SDK service id: {@code SecretsManager},
 * {@code Ssm}, {@code DynamoDb}). Registered for every SDK client in the test JVM through the SDK's
 * own global interceptor file ({@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} in test resources), so it counts
 * what the production clients really send, not what a fake says.
 */
public final class AwsCallCounter implements ExecutionInterceptor {

  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(service + "." + operation, k -> new AtomicInteger()).incrementAndGet();
  }

  public static void reset() {
    CALLS.clear();
  }

  public static int count(String serviceDotOperation) {
    AtomicInteger n = CALLS.get(serviceDotOperation);
    return n == null ? 0 : n.get();
  }

  /** Calls to one service, every operation. */
  public static int countService(String service) {
    return CALLS.entrySet().stream()
        .filter(e -> e.getKey().startsWith(service + "."))
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  public static Map<String, Integer> snapshot() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    CALLS.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
