package dev.keyturn.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class InvocationMdcTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void begin_leavesOutNullAndBlankValues() {
    InvocationMdc.begin("req", " ", null);

    assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("AWSRequestId");
  }

  @Test
  void end_removesEveryInvocationKey() {
    InvocationMdc.begin("req", "fn", "3");
    InvocationMdc.traceId("Root=1-5f-abc");

    InvocationMdc.end();

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }
}
