package dev.keyturn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditKindTest {

  @Test
  void of_sortsEveryActionKeyturnRecords() {
    assertThat(AuditKind.of("secret.read")).isEqualTo(AuditKind.READ);
    assertThat(AuditKind.of("rotation.finishSecret")).isEqualTo(AuditKind.ROTATE);
    assertThat(AuditKind.of("rotation.sweep")).isEqualTo(AuditKind.ROTATE);
    assertThat(AuditKind.of("expiry.check")).isEqualTo(AuditKind.ROTATE);
    assertThat(AuditKind.of("sync.patch")).isEqualTo(AuditKind.SYNC);
    assertThat(AuditKind.of("webhook.rejected")).isEqualTo(AuditKind.WEBHOOK);
    assertThat(AuditKind.of("webhook.release-confirmed")).isEqualTo(AuditKind.WEBHOOK);
    assertThat(AuditKind.of("inventory.apply")).isEqualTo(AuditKind.APPLY);
    assertThat(AuditKind.of("something.else")).isEqualTo(AuditKind.OTHER);
  }

  @Test
  void parse_namesTheAcceptedKinds_forAnUnknownOne() {
    assertThat(AuditKind.parse("read")).isEqualTo(AuditKind.READ);
    assertThatThrownBy(() -> AuditKind.parse("reads"))
        .hasMessage("unknown kind 'reads': expected read, rotate, sync, webhook, apply or other");
  }

  @Test
  void filter_matchesOnEveryGivenField() {
    AuditEvent e = AuditEvent.of(Instant.EPOCH, "arn:a", "secret.read", "X", "ok");

    assertThat(new AuditFilter("X", "arn:a", AuditKind.READ).matches(e)).isTrue();
    assertThat(AuditFilter.ALL.matches(e)).isTrue();
    assertThat(new AuditFilter("Y", null, null).matches(e)).isFalse();
    assertThat(new AuditFilter(null, "arn:b", null).matches(e)).isFalse();
    assertThat(new AuditFilter(null, null, AuditKind.SYNC).matches(e)).isFalse();
  }
}
