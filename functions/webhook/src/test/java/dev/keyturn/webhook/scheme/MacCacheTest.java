package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MacCacheTest {

  private static final byte[] PREFIX = "1765098000.".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.US_ASCII);

  private static MacCache cache() {
    return new MacCache(
        HmacAlgorithm.SHA256,
        secret -> secret.startsWith("bad") ? null : secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String expectedMac(String secret) {
    byte[] content = new byte[PREFIX.length + BODY.length];
    System.arraycopy(PREFIX, 0, content, 0, PREFIX.length);
    System.arraycopy(BODY, 0, content, PREFIX.length, BODY.length);
    return HexFormat.of()
        .formatHex(TestMacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), content));
  }

  private static String macOf(HmacKey key) {
    return HexFormat.of().formatHex(key.mac(PREFIX, BODY));
  }

  @Test
  void macFor_returnsTheSameKey_forAnEqualSecretInAnotherString() {
    MacCache cache = cache();
    HmacKey first = cache.macFor("whsec_one");

    HmacKey again = cache.macFor(new String("whsec_one".toCharArray()));

    assertThat(again).isSameAs(first);
    assertThat(macOf(again)).isEqualTo(expectedMac("whsec_one"));
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void macFor_isNull_andKeepsNothing_forASecretThatIsNoKey() {
    MacCache cache = cache();

    assertThat(cache.macFor("bad secret")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void macFor_dropsTheOldestSecret_beyondTheCapacity() {
    MacCache cache = cache();
    HmacKey oldest = cache.macFor("secret-0");
    for (int i = 1; i <= MacCache.CAPACITY; i++) {
      cache.macFor("secret-" + i);
    }

    assertThat(cache.size()).isEqualTo(MacCache.CAPACITY);
    HmacKey rebuilt = cache.macFor("secret-0");
    assertThat(rebuilt).isNotSameAs(oldest);
    assertThat(macOf(rebuilt)).isEqualTo(expectedMac("secret-0"));
  }

  @Test
  void macFor_givesEveryThreadTheRightMac_whileSecretsAreAddedConcurrently() throws Exception {
    MacCache cache = cache();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(
            threads.submit(() -> {
              for (int i = 0; i < 2_000; i++) {
                String secret = "secret-" + ((i + offset) % (MacCache.CAPACITY + 4));
                if (!macOf(cache.macFor(secret)).equals(expectedMac(secret))) {
                  return false;
                }
              }
              return true;
            }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(MacCache.CAPACITY);
  }
}
