package dev.keyturn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRejectionCountsTest {

  static final Instant AT = Instant.parse("2026-10-01T12:00:00Z");

  /** A tally as the audit log reads it back: counts by reason, total, first and last request. */
  static AuditEvent tally(String source, Map<String, String> counts) {
    Map<String, String> detail = new java.util.HashMap<>(counts);
    detail.put("total", "999"); // never read: the reasons are what is counted
    detail.put("firstRequestId", "r-1");
    detail.put("firstAt", AT.toString());
    detail.put("lastRequestId", "r-9");
    detail.put("lastAt", AT.toString());
    return AuditEvent.of(AT, "keyturn-webhook", "webhook.rejected", source, "aggregate")
        .withDetail(detail);
  }

  @Test
  void tallies_areAddedUpPerSourceAndReason_acrossMinutes() {
    List<AuditEvent> events =
        List.of(
            tally("stripe", Map.of("SIGNATURE_MISMATCH", "3", "MISSING_SIGNATURE", "1")),
            tally("stripe", Map.of("SIGNATURE_MISMATCH", "2")),
            tally("github", Map.of("TIMESTAMP_OUT_OF_TOLERANCE", "4")));

    Map<String, Map<String, Long>> bySource = WebhookRejectionCounts.bySource(events);

    assertThat(bySource)
        .isEqualTo(
            Map.of(
                "github", Map.of("TIMESTAMP_OUT_OF_TOLERANCE", 4L),
                "stripe", Map.of("SIGNATURE_MISMATCH", 5L, "MISSING_SIGNATURE", 1L)));
    assertThat(WebhookRejectionCounts.total(bySource)).isEqualTo(10);
  }

  @Test
  void aSingleRejectionEvent_ofAnOlderPeriod_countsOnceUnderItsOutcome() {
    List<AuditEvent> events =
        List.of(
            AuditEvent.of(AT, "keyturn-webhook", "webhook.rejected", "stripe", "MALFORMED_HEADER"),
            tally("stripe", Map.of("MALFORMED_HEADER", "2")));

    assertThat(WebhookRejectionCounts.bySource(events))
        .isEqualTo(Map.of("stripe", Map.of("MALFORMED_HEADER", 3L)));
  }

  @Test
  void otherWebhookEvents_andOtherKinds_areNotRejections() {
    List<AuditEvent> events =
        List.of(
            AuditEvent.of(AT, "keyturn-webhook", "webhook.duplicate", "stripe", "duplicate"),
            AuditEvent.of(AT, "keyturn-webhook", "webhook.release", "heroku", "confirmed"),
            AuditEvent.of(AT, "keyturn-rotate", "rotation.createSecret", "RX_HOOK", "failed"));

    Map<String, Map<String, Long>> bySource = WebhookRejectionCounts.bySource(events);

    assertThat(bySource).isEmpty();
    assertThat(WebhookRejectionCounts.total(bySource)).isZero();
  }
}
