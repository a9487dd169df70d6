package dev.keyturn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.RejectionTally;
import dev.keyturn.testing.fakes.FakeAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionTalliesTest {

  static final Instant MINUTE = Instant.parse("2026-03-01T12:00:00Z");

  final FakeAuditLog store = new FakeAuditLog();
  final RejectionTallies tallies = new RejectionTallies(store, "keyturn-webhook");

  @Test
  void firstRejectionOfAMinute_isWrittenAtOnce_withItsRequestId() {
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-1", MINUTE.plusSeconds(3));

    assertThat(store.tallies())
        .singleElement()
        .isEqualTo(
            new RejectionTally(
                "acme",
                MINUTE,
                "keyturn-webhook",
                Map.of("SIGNATURE_MISMATCH", 1L),
                "req-1",
                MINUTE.plusSeconds(3),
                "req-1",
                MINUTE.plusSeconds(3)));
  }

  @Test
  void tenThousandRejectionsInOneMinute_costAFewWrites_andCountEveryOne() {
    for (int i = 0; i < 10_000; i++) {
      tallies.add(
          "acme",
          i % 2 == 0 ? "SIGNATURE_MISMATCH" : "MALFORMED_HEADER",
          "req-" + i,
          MINUTE.plusMillis(i * 5L));
    }
    tallies.flushDue(MINUTE.plusSeconds(61));

    assertThat(store.tallies()).hasSizeLessThanOrEqualTo(2 + 50 / 10);
    assertThat(store.rejectedReasons()).hasSize(10_000);
    assertThat(store.tallies().getFirst().firstRequestId()).isEqualTo("req-0");
    assertThat(store.tallies().getLast().lastRequestId()).isEqualTo("req-9999");
  }

  @Test
  void countsHeldForAPastMinute_areWrittenByTheNextRequest_perSource() {
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-1", MINUTE);
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-2", MINUTE.plusSeconds(1));
    tallies.add("other", "MISSING_SIGNATURE", "req-3", MINUTE.plusSeconds(2));
    assertThat(store.tallies()).hasSize(2);

    tallies.flushDue(MINUTE.plus(Duration.ofMinutes(1)));

    assertThat(store.tallies()).hasSize(3);
    assertThat(store.tallies().getLast())
        .satisfies(t -> {
          assertThat(t.source()).isEqualTo("acme");
          assertThat(t.counts()).containsExactly(Map.entry("SIGNATURE_MISMATCH", 1L));
          assertThat(t.lastRequestId()).isEqualTo("req-2");
        });
  }

  @Test
  void aMinutesTally_isRewrittenAfterTheFlushInterval_notBefore() {
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-1", MINUTE);
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-2", MINUTE.plusSeconds(9));
    assertThat(store.tallies()).hasSize(1);

    tallies.add("acme", "SIGNATURE_MISMATCH", "req-3", MINUTE.plus(RejectionTallies.FLUSH_AFTER));

    assertThat(store.tallies()).hasSize(2);
    assertThat(store.tallies().getLast().counts()).containsEntry("SIGNATURE_MISMATCH", 2L);
  }

  @Test
  void failedWrite_keepsTheCounts_forTheNextOne() {
    store.failAlways("add");
    tallies.add("acme", "SIGNATURE_MISMATCH", "req-1", MINUTE);
    store.heal();

    tallies.flushAll(MINUTE.plusSeconds(1));

    assertThat(store.rejectedReasons()).containsExactly("SIGNATURE_MISMATCH");
    assertThat(store.tallies().getFirst().firstRequestId()).isEqualTo("req-1");
  }
}
