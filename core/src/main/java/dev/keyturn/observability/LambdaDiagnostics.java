package dev.keyturn.observability;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.XRayUtils;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import jakarta.inject.Singleton;

/**
 * MicronautRequestHandler's per-invocation hook (it calls the {@link DiagnosticInfoPopulator} bean
 * before {@code execute}), so every handler gets the request id and function name in the MDC
 * without a line of its own. Replaces micronaut's default, which never clears a key (a line logged
 * after an invocation kept its request id) and adds the remaining time and memory size to every
 * line. The function name falls back to {@code AWS_LAMBDA_FUNCTION_NAME} when the runtime's context
 * lacks it.
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

  @Override
  public void populateMappingDiagnosticContextWithXrayTraceId() {
    XRayUtils.parseXrayTraceId().ifPresent(InvocationMdc::traceId);
  }

  @Override
  public void onApplicationEvent(AfterExecutionEvent event) {
    InvocationMdc.end();
  }
}
