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
  static final Duration MAX_STALE = Duration.ofMinutes(5);

  final FakeSecretSource secrets = new FakeSecretSource();
  final Source source = new Source.SecretsManager("keyturn/test/cache");
  final SecretVersionsCache cache = new SecretVersionsCache(secrets, TTL, MAX_STALE);

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
  void failedReRead_failsClosed_onceTheCachedReadIsOlderThanTheBound() {
    secrets.put(source, "one");
    cache.candidates(source, T0);
    secrets.failAlways("liveVersions");

    assertThat(cache.candidates(source, T0.plus(MAX_STALE).minusSeconds(1)).values())
        .containsExactly("one");
    assertThatThrownBy(() -> cache.candidates(source, T0.plus(MAX_STALE)))
        .isInstanceOf(StaleSecretVersionsException.class)
        .hasMessageContaining("keyturn/test/cache")
        .hasMessageNotContaining("one\"");
  }

  @Test
  void afterFailingClosed_aHealedSecretSourceServesAgain() {
    secrets.put(source, "one");
    cache.candidates(source, T0);
    secrets.failAlways("liveVersions");
    assertThatThrownBy(() -> cache.candidates(source, T0.plus(MAX_STALE).plusSeconds(10)))
        .isInstanceOf(StaleSecretVersionsException.class);

    secrets.heal();
    assertThat(cache.candidates(source, T0.plus(MAX_STALE).plusSeconds(11)).values())
        .containsExactly("one");
  }

  @Test
  void aTtlLongerThanTheBound_stillReReadsOnceTheBoundIsReached() {
    SecretVersionsCache slow = new SecretVersionsCache(secrets, Duration.ofHours(1), MAX_STALE);
    secrets.put(source, "one");
    slow.candidates(source, T0);
    secrets.failAlways("liveVersions");

    assertThatThrownBy(() -> slow.candidates(source, T0.plus(MAX_STALE)))
        .isInstanceOf(StaleSecretVersionsException.class);
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

  private String previousVersion() {
    return secrets.secretsManager().secret(source.id()).versionWith("AWSPREVIOUS").orElseThrow();
  }

  @Test
  void retiredVersions_rememberAVersionServedBefore_thatLostItsLabel() {
    secrets.put(source, "one");
    secrets.stagePending(source, "two");
    secrets.finishRotation(source);
    cache.candidates(source, T0);
    String one = previousVersion();
    secrets.secretsManager().removeStage(source.id(), "AWSPREVIOUS", one);

    assertThat(cache.retiredVersions(source)).as("nothing read since").isEmpty();
    cache.candidates(source, T0.plus(TTL));

    assertThat(cache.retiredVersions(source))
        .singleElement()
        .satisfies(v -> {
          assertThat(v.versionId()).isEqualTo(one);
          assertThat(v.value()).isEqualTo("one");
        });
    assertThat(cache.candidates(source, T0.plus(TTL)).values()).containsExactly("two");
  }

  @Test
  void retiredVersions_keepTheLastTwo_newestFirst() {
    secrets.put(source, "one");
    Instant at = T0;
    for (String next : new String[] {"two", "three", "four", "five"}) {
      cache.candidates(source, at);
      secrets.put(source, next); // the new value is current, the old current previous
      at = at.plus(TTL);
    }
    cache.candidates(source, at);

    assertThat(cache.candidates(source, at).values()).containsExactly("five", "four");
    assertThat(cache.retiredVersions(source))
        .extracting(dev.keyturn.secrets.SecretValue::value)
        .containsExactly("three", "two");
  }

  @Test
  void retiredVersions_ofASecretNeverRead_areEmpty_andReadNothing() {
    assertThat(cache.retiredVersions(source)).isEmpty();
    assertThat(secrets.calls("liveVersions")).isZero();
  }
}
