package dev.keyturn.cli.common;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Which remote call the CLI is waiting for, so a terminal can say so ({@link Waiting}) and an error
 * can name the endpoint that did not answer. Every AWS SDK client in the CLI reports to it: it is a
 * global SDK interceptor ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in
 * the CLI jar), so the functions' own client beans need nothing. Other waits (the Heroku API)
 * register themselves with {@link #waitingFor}.
 */
public final class CallWatch implements ExecutionInterceptor {

  /**
   * One call under way.
   *
   * @param service e.g. {@code DynamoDB}, or {@code Heroku API}
   * @param operation e.g. {@code Query}; null for a phase
   * @param endpoint where it was sent
   * @param region the region it was signed for; null for a phase
   * @param started {@link System#nanoTime()} when it started
   */
  public record Call(String service, String operation, URI endpoint, String region, long started) {

    Duration age() {
      return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code DynamoDB Query at http://127.0.0.1:8000}. */
    public String describe() {
      return NAMES.getOrDefault(service, service)
          + (operation == null ? "" : " " + operation)
          + " at "
          + endpoint;
    }
  }

  /** The SDK's service names as AWS spells them. */
  private static final Map<String, String> NAMES =
      Map.of(
          "DynamoDb", "DynamoDB",
          "SecretsManager", "Secrets Manager",
          "Ssm", "SSM",
          "EventBridge", "EventBridge");

  /** A key of our own per call: ExecutionAttributes' equality follows its changing contents. */
  private static final ExecutionAttribute<Object> KEY = new ExecutionAttribute<>("keyturn.call");

  private static final Map<Object, Call> IN_FLIGHT = new ConcurrentHashMap<>();
  private static volatile Call lastFailed;

  /** The call that has waited longest, if any is under way. */
  static Optional<Call> oldest() {
    return IN_FLIGHT.values().stream().min(Comparator.comparingLong(Call::started));
  }

  /** The last AWS call that failed, with the endpoint it was sent to. */
  static Optional<Call> lastFailed() {
    return Optional.ofNullable(lastFailed);
  }

  /** Marks a wait the SDK does not see (Heroku calls) until the returned handle is closed. */
  public static Handle waitingFor(String service, URI endpoint) {
    Object key = new Object();
    IN_FLIGHT.put(key, new Call(service, null, endpoint, null, System.nanoTime()));
    return () -> IN_FLIGHT.remove(key);
  }

  /** Ends a wait marked by {@link #waitingFor}. */
  public interface Handle extends AutoCloseable {
    @Override
    void close();
  }

  static void forgetFailures() {
    lastFailed = null;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(KEY, new Object());
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Object key = attributes.getAttribute(KEY);
    if (key == null) {
      return;
    }
    URI uri = context.httpRequest().getUri();
    URI endpoint = URI.create(uri.getScheme() + "://" + uri.getAuthority());
    IN_FLIGHT.putIfAbsent(
        key,
        new Call(
            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            endpoint,
            region(attributes),
            System.nanoTime()));
  }

  private static String region(ExecutionAttributes attributes) {
    var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    return region == null ? null : region.id();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Object key = attributes.getAttribute(KEY);
    if (key != null) {
      IN_FLIGHT.remove(key);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Object key = attributes.getAttribute(KEY);
    Call call = key == null ? null : IN_FLIGHT.remove(key);
    if (call != null) {
      lastFailed = call;
    }
  }
}
