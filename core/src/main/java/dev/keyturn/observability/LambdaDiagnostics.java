package dev.keyturn.observability;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * MicronautRequestHandler's per-invocation hook (it calls the {@link DiagnosticInfoPopulator} bean
 * before {@code execute}), so every handler gets the request id and function name in the MDC
 * without a line of its own. Replaces micronaut's default, which never clears a key (a line logged
 * after an invocation kept its request id) and adds the remaining time and memory size to every
 * line. The function name falls back to {@code AWS_LAMBDA_FUNCTION_NAME} when the runtime's context
 * lacks it. The X-Ray trace id is read where runtime interface client 2.9.0 puts it: the system
 * property {@code com.amazonaws.xray.traceHeader} (one invocation at a time), or the SDK's internal
 * thread local (concurrent invocations); micronaut's own reader looks at the environment variable
 * first, which the Java runtime cannot change per invocation.
 */
@Singleton
@Requires(classes = DiagnosticInfoPopulator.class)
@Replaces(DefaultDiagnosticInfoPopulator.class)
public class LambdaDiagnostics
    implements DiagnosticInfoPopulator, ApplicationEventListener<AfterExecutionEvent> {

  private final String configuredFunctionName;

  public LambdaDiagnostics(@Value("${aws.lambda.function.name:}") String configuredFunctionName) {
    this.configuredFunctionName = configuredFunctionName;
  }

  @Override
  public void populateMappingDiagnosticContextValues(Context context) {
    String functionName = context.getFunctionName();
    InvocationMdc.begin(
        context.getAwsRequestId(),
        functionName == null || functionName.isBlank() ? configuredFunctionName : functionName,
        context.getFunctionVersion());
  }

  static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
  static final String TRACE_ID_THREAD_LOCAL = "AWS_LAMBDA_X_TRACE_ID";

  @Override
  public void populateMappingDiagnosticContextWithXrayTraceId() {
    currentTraceId().ifPresent(InvocationMdc::traceId);
  }

  /** The {@code Root} of this invocation's trace header ({@code 1-5759e988-bd862e3f...}). */
  static Optional<String> currentTraceId() {
    return Stream.of(
            System.getProperty(TRACE_HEADER_PROPERTY),
            SdkInternalThreadLocal.get(TRACE_ID_THREAD_LOCAL),
            System.getenv("_X_AMZN_TRACE_ID"))
        .filter(header -> header != null && !header.isBlank())
        .findFirst()
        .flatMap(LambdaDiagnostics::root);
  }

  private static Optional<String> root(String header) {
    for (String part : header.split(";")) {
      String field = part.strip();
      if (field.startsWith("Root=") && field.length() > "Root=".length()) {
        return Optional.of(field.substring("Root=".length()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void onApplicationEvent(AfterExecutionEvent event) {
    InvocationMdc.end();
  }
}
