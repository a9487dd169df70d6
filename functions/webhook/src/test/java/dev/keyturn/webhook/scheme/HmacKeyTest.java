package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** HMAC with precomputed pad states gives exactly HMAC: published vectors, and JCA's Mac. */
class HmacKeyTest {

  private static final String LONG_KEY_DATA =
      "Test Using Larger Than Block-Size Key - Hash Key First";

  private static byte[] repeated(int value, int times) {
    byte[] bytes = new byte[times];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * RFC 4231 (SHA-256, SHA-512) and RFC 2202 (SHA-1) test cases 1 and 6 (key longer than a block).
   */
  @ParameterizedTest
  @CsvSource({
    "SHA256, 11, 20, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    "SHA512, 11, 20, 87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
    "SHA1, 11, 20, b617318655057264e28bc0b6fb378c8ef146be00",
  })
  void mac_matchesPublishedVector_hiThere(
      HmacAlgorithm algorithm, int keyByte, int keyLength, String expected) {
    byte[] mac =
        HmacKey.of(algorithm, repeated(keyByte, keyLength)).mac(new byte[0], ascii("Hi There"));

    assertThat(hex(mac)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "SHA256, 131, 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    "SHA512, 131, 80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
    "SHA1, 80, aa4ae5e15272d00e95705637ce8a3b55ed402112",
  })
  void mac_hashesAKeyLongerThanABlockFirst_asTheRfcVectorsSay(
      HmacAlgorithm algorithm, int keyLength, String expected) {
    byte[] data = ascii(LONG_KEY_DATA);

    byte[] mac =
        HmacKey.of(algorithm, repeated(0xaa, keyLength))
            .mac(Arrays.copyOf(data, 10), Arrays.copyOfRange(data, 10, data.length));

    assertThat(hex(mac)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(HmacAlgorithm.class)
  void mac_equalsJcaMac_forRandomKeysPrefixesAndBodies(HmacAlgorithm algorithm) throws Exception {
    Random random = new Random(4231L + algorithm.ordinal());
    String jcaName = "Hmac" + algorithm.name();
    for (int run = 0; run < 500; run++) {
      byte[] key = new byte[1 + random.nextInt(300)];
      byte[] prefix = new byte[random.nextInt(100)];
      byte[] body = new byte[random.nextInt(3000)];
      random.nextBytes(key);
      random.nextBytes(prefix);
      random.nextBytes(body);
      Mac jca = Mac.getInstance(jcaName);
      jca.init(new SecretKeySpec(key, jcaName));
      jca.update(prefix);

      assertThat(HmacKey.of(algorithm, key).mac(prefix, body))
          .as("run %d, key length %d", run, key.length)
          .isEqualTo(jca.doFinal(body));
    }
  }

  @Test
  void oneKey_givesTheSameMac_everyTime_andFromManyThreads() throws Exception {
    HmacKey key = HmacKey.of(HmacAlgorithm.SHA256, ascii("shared-key"));
    byte[] body = ascii("{\"event\":\"ping\"}");
    byte[] expected = key.mac(ascii("id.1."), body);
    ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          Thread.ofPlatform()
              .start(() -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 2_000; i++) {
                  results.add(hex(key.mac(ascii("id.1."), body)));
                }
              });
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(results).hasSize(8_000).containsOnly(hex(expected));
  }

  @Test
  void toString_namesTheDigest_notTheKey() {
    assertThat(HmacKey.of(HmacAlgorithm.SHA256, ascii("k3y-material")).toString())
        .isEqualTo("HmacKey[SHA-256]")
        .doesNotContain("k3y");
  }
}
