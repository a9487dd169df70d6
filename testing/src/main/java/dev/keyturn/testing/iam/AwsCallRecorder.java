package dev.keyturn.testing.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK {@link ExecutionInterceptor} that records every AWS call made in this JVM: action,
 * resources, DynamoDB leading keys and the named secrets' tags ({@link AwsCall}, {@link
 * ResourceTags}). Test scope only: a module lists it in its test resources' {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}, which the SDK reads for every
 * client it builds. Records names and keys, never values.
 *
 * <p>With the system property {@value CallJournal#JOURNAL_PROPERTY} set (the functions' surefire
 * runs set it), every call is also appended to that file with the module's production classes on
 * the stack when it was made ({@link CallJournal}), so a later check can tell the function's calls
 * from a test's own set-up calls.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

  private static final List<AwsCall> CALLS = new CopyOnWriteArrayList<>();

  /** SDK service names (lower case, no spaces) whose IAM prefix differs from them. */
  private static final Map<String, String> PREFIXES = Map.of("eventbridge", "events");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String prefix = prefixOf(service);
    SdkRequest request = context.request();
    List<String> resources = RequestFields.resources(request);
    AwsCall call =
        new AwsCall(
            prefix + ":" + operation,
            resources,
            RequestFields.leadingKeys(request),
            ResourceTags.of(prefix + ":" + operation, resources, attributes));
    CALLS.add(call);
    CallJournal.append(call);
  }

  /** Every call recorded so far, in order. */
  public static List<AwsCall> calls() {
    return List.copyOf(CALLS);
  }

  /** A position to count from: {@code since(mark())}. */
  public static int mark() {
    return CALLS.size();
  }

  /** The calls recorded after {@code mark}. */
  public static List<AwsCall> since(int mark) {
    List<AwsCall> all = calls();
    return new ArrayList<>(all.subList(Math.min(mark, all.size()), all.size()));
  }

  /** How many of {@code calls} are one of {@code actions}. */
  public static long count(Collection<AwsCall> calls, Collection<String> actions) {
    return calls.stream().filter(c -> actions.contains(c.action())).count();
  }

  /** The IAM service prefix of an SDK service name ({@code DynamoDb} → {@code dynamodb}). */
  static String prefixOf(String sdkServiceName) {
    String plain = sdkServiceName.replace(" ", "").toLowerCase(Locale.ROOT);
    return PREFIXES.getOrDefault(plain, plain);
  }
}
