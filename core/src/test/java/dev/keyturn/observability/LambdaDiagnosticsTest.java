package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.local.lambda.LocalLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

class LambdaDiagnosticsTest {

  private final LambdaDiagnostics diagnostics = new LambdaDiagnostics("configured-name");

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void anInvocation_putsItsRequestIdFunctionNameAndVersionInTheMdc() {
    diagnostics.populateMappingDiagnosticContextValues(
        new LocalLambdaContext("req-1", "keyturn-sync", "12"));

    assertThat(MDC.get("AWSRequestId")).isEqualTo("req-1");
    assertThat(MDC.get("AWSFunctionName")).isEqualTo("keyturn-sync");
    assertThat(MDC.get("AWSFunctionVersion")).isEqualTo("12");
  }

  @Test
  void theNextInvocation_replacesEveryKey_andLeavesNoStaleOne() {
    diagnostics.populateMappingDiagnosticContextValues(
        new LocalLambdaContext("req-1", "keyturn-sync", "12"));
    InvocationMdc.traceId("Root=1-abc");

    diagnostics.populateMappingDiagnosticContextValues(
        new LocalLambdaContext("req-2", "keyturn-sync", null));

    assertThat(MDC.get("AWSRequestId")).isEqualTo("req-2");
    assertThat(MDC.get("AWSFunctionVersion")).isNull();
    assertThat(MDC.get("AWS-XRAY-TRACE-ID")).isNull();
  }

  @Test
  void aContextWithoutAFunctionName_fallsBackToTheConfiguredOne() {
    diagnostics.populateMappingDiagnosticContextValues(new LocalLambdaContext("req-1", null, null));

    assertThat(MDC.get("AWSFunctionName")).isEqualTo("configured-name");
  }

  @Test
  void theEndOfAnInvocation_clearsItsKeys_butNoOtherMdcEntry() {
    MDC.put("unrelated", "kept");
    diagnostics.populateMappingDiagnosticContextValues(
        new LocalLambdaContext("req-1", "keyturn-sync", "1"));

    diagnostics.onApplicationEvent(
        AfterExecutionEvent.success(new LocalLambdaContext("req-1", "keyturn-sync", "1"), null));

    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("unrelated", "kept"));
  }

  @Test
  void theTraceId_isTheRootOfTheHeaderTheRuntimeSetForThisInvocation() {
    System.setProperty(
        LambdaDiagnostics.TRACE_HEADER_PROPERTY,
        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
    try {
      diagnostics.populateMappingDiagnosticContextWithXrayTraceId();
    } finally {
      System.clearProperty(LambdaDiagnostics.TRACE_HEADER_PROPERTY);
    }

    assertThat(MDC.get("AWS-XRAY-TRACE-ID")).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
  }

  @Test
  void concurrentInvocations_takeTheTraceIdFromTheSdksThreadLocal() {
    SdkInternalThreadLocal.put(
        LambdaDiagnostics.TRACE_ID_THREAD_LOCAL, "Root=1-6759e988-cd862e3fe1be46a994272793");
    try {
      diagnostics.populateMappingDiagnosticContextWithXrayTraceId();
    } finally {
      SdkInternalThreadLocal.remove(LambdaDiagnostics.TRACE_ID_THREAD_LOCAL);
    }

    assertThat(MDC.get("AWS-XRAY-TRACE-ID")).isEqualTo("1-6759e988-cd862e3fe1be46a994272793");
  }

  @Test
  void aLambdaContext_usesKeyturnsDiagnostics_andEmfMetrics() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments("function", ObservabilityBeans.LAMBDA_ENVIRONMENT)
            .properties(Map.of("aws.lambda.function.name", "keyturn-sync", "keyturn.table", "t"))
            .start()) {
      assertThat(context.getBean(DiagnosticInfoPopulator.class))
          .isInstanceOf(LambdaDiagnostics.class);
      assertThat(context.getBeansOfType(DiagnosticInfoPopulator.class)).hasSize(1);
      assertThat(context.getBean(Metrics.class)).isInstanceOf(EmfMetrics.class);
    }
  }

  @Test
  void aContextOutsideLambda_publishesNoMetrics() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("keyturn.table", "t"), "cli")) {
      assertThat(context.getBean(Metrics.class)).isSameAs(Metrics.NONE);
    }
  }
}
