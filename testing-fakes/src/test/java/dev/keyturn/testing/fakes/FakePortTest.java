package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.audit.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failure injection and call counts, as every fake offers them (shown on the audit log). */
class FakePortTest {

  static final AuditEvent EVENT = AuditEvent.of(Instant.EPOCH, "test", "a", "s", "ok");

  final FakeAuditLog audit = new FakeAuditLog();

  @Test
  void failNext_failsThatManyCallsOfTheOperation_beforeTheyChangeAnything_thenAnswersAgain() {
    audit.failNext("record", 2);

    assertThatThrownBy(() -> audit.record(EVENT))
        .isInstanceOf(InjectedFault.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected fault: FakeAuditLog.record");
    assertThat(audit.since(Instant.EPOCH, null, 10)).as("other operations answer").isEmpty();
    assertThatThrownBy(() -> audit.record(EVENT)).isInstanceOf(InjectedFault.class);
    audit.record(EVENT);

    assertThat(audit.events()).containsExactly(EVENT);
  }

  @Test
  void failAlways_failsEveryCall_untilHealed_andAnyMeansEveryOperation() {
    audit.failAlways(FakePort.ANY);

    assertThatThrownBy(() -> audit.record(EVENT)).isInstanceOf(InjectedFault.class);
    assertThatThrownBy(() -> audit.since(Instant.EPOCH, null, 1)).isInstanceOf(InjectedFault.class);
    audit.heal();

    audit.record(EVENT);
    assertThat(audit.events()).hasSize(1);
  }

  @Test
  void calls_countAnsweredCalls_perOperation() {
    audit.failNext("record", 1);
    assertThatThrownBy(() -> audit.record(EVENT)).isInstanceOf(InjectedFault.class);
    audit.record(EVENT);
    audit.since(Instant.EPOCH, null, 1);

    assertThat(audit.calls("record")).isEqualTo(1);
    assertThat(audit.calls("since")).isEqualTo(1);
    assertThat(audit.calls(FakePort.ANY)).isEqualTo(2);
  }

  @Test
  void anOperationThePortsDoNotDeclare_isRefused() {
    assertThatThrownBy(() -> audit.failNext("recrod", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recrod");
    assertThatThrownBy(() -> audit.calls("recrod")).isInstanceOf(IllegalArgumentException.class);
  }
}
