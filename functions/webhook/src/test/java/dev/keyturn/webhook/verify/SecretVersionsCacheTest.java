package dev.keyturn.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.inventory.Source;
import dev.keyturn.testing.fakes.FakeSecretSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretVersionsCacheTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration TTL = Duration.ofSeconds(60);

  final FakeSecretSource secrets = new FakeSecretSource();
  final Source source = new Source.SecretsManager("keyturn/test/cache");
  final SecretVersionsCache cache = new SecretVersionsCache(secrets, TTL);

  @Test
  void candidates_areInStageOrder_currentPendingPrevious() {
    secrets.put(source, "one");
    secrets.stagePending(source, "two");
    secrets.finishRotation(source);
    secrets.stagePending(source, "three");

    assertThat(cache.candidates(source, T0).values()).containsExactly("two", "three", "one");
  }

  @Test
  void candidates_areReadOncePerTtl() {
    secrets.put(source, "one");

    cache.candidates(source, T0);
    cache.candidates(source, T0.plusSeconds(59));
    assertThat(secrets.calls("liveVersions")).isEqualTo(1);
    cache.candidates(source, T0.plusSeconds(60));
    assertThat(secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void refreshAfterMismatch_returnsNewVersions_onlyOncePerTtl() {
    secrets.put(source, "one");
    Candidates used = cache.candidates(source, T0);
    secrets.stagePending(source, "two");

    assertThat(cache.refreshAfterMismatch(source, used, T0.plusSeconds(1)))
        .hasValueSatisfying(c -> assertThat(c.values()).containsExactly("one", "two"));
    Candidates refreshed = cache.candidates(source, T0.plusSeconds(2));
    secrets.finishRotation(source);
    secrets.stagePending(source, "three");
    assertThat(cache.refreshAfterMismatch(source, refreshed, T0.plusSeconds(30))).isEmpty();
    assertThat(cache.refreshAfterMismatch(source, refreshed, T0.plusSeconds(61))).isPresent();
    assertThat(secrets.calls("liveVersions")).isEqualTo(3);
  }

  @Test
  void refreshAfterMismatch_withNothingNew_isEmpty() {
    secrets.put(source, "one");
    Candidates used = cache.candidates(source, T0);

    assertThat(cache.refreshAfterMismatch(source, used, T0.plusSeconds(1))).isEmpty();
    assertThat(secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void aCallerHoldingAnOlderRead_getsTheNewerOne_withoutAnotherFetch() {
    secrets.put(source, "one");
    Candidates old = cache.candidates(source, T0);
    secrets.stagePending(source, "two");
    cache.candidates(source, T0.plusSeconds(60)); // TTL re-read picks up the new version

    assertThat(cache.refreshAfterMismatch(source, old, T0.plusSeconds(61)))
        .hasValueSatisfying(c -> assertThat(c.values()).containsExactly("one", "two"));
    assertThat(secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void failedReRead_servesTheCachedVersions_andRetriesAfterAFewSeconds() {
    secrets.put(source, "one");
    cache.candidates(source, T0);
    secrets.failAlways("liveVersions");

    assertThat(cache.candidates(source, T0.plusSeconds(60)).values()).containsExactly("one");
    secrets.heal();
    cache.candidates(source, T0.plusSeconds(61));
    assertThat(secrets.calls("liveVersions")).isEqualTo(1);
    cache.candidates(source, T0.plusSeconds(65));
    assertThat(secrets.calls("liveVersions")).isEqualTo(2);
  }

  @Test
  void failedFirstRead_propagates() {
    secrets.failAlways("liveVersions");

    assertThatThrownBy(() -> cache.candidates(source, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_showsVersionIdsOnly() {
    secrets.put(source, "kt-seed-never-printed");

    assertThat(cache.candidates(source, T0).toString()).doesNotContain("kt-seed").contains("v1");
  }
}
