package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** No input makes verify throw: garbage is always a rejection, and never a verifier failure. */
class GarbageRequestPropertyTest {

  private static final int GARBAGE_TRIES = 120_000;
  private static final int CORRUPTION_TRIES = 30_000;

  /** Every header name any scheme reads, so garbage reaches the parsers. */
  private static final List<String> HEADER_NAMES =
      List.of(
          StandardWebhooksScheme.ID_HEADER,
          StandardWebhooksScheme.TIMESTAMP_HEADER,
          StandardWebhooksScheme.SIGNATURE_HEADER,
          StripeScheme.SIGNATURE_HEADER,
          SlackScheme.SIGNATURE_HEADER,
          SlackScheme.TIMESTAMP_HEADER,
          GitHubScheme.SIGNATURE_HEADER,
          GitHubScheme.DELIVERY_ID_HEADER,
          HerokuScheme.SIGNATURE_HEADER,
          HerokuScheme.DELIVERY_ID_HEADER,
          ShopifyScheme.SIGNATURE_HEADER,
          ShopifyScheme.DELIVERY_ID_HEADER,
          FreeScoutScheme.SIGNATURE_HEADER,
          "X-Signature",
          "Content-Type");

  private static final List<Instant> EDGE_TIMES =
      List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1));

  @Test
  void garbageRequests_areAlwaysRejected_neverThrow_andReachEveryStage() {
    List<AbstractScheme> schemes = SchemeCatalog.all();
    Set<RejectionReason> seen = EnumSet.noneOf(RejectionReason.class);
    PropertyCheck.forAll(
        "garbage is rejected",
        GARBAGE_TRIES,
        random -> {
          AbstractScheme scheme = Gen.oneOf(random, schemes);

          VerificationResult result =
              scheme.verify(garbageRequest(random), Gen.candidates(random), garbageNow(random));

          assertThat(result).isInstanceOf(Rejected.class);
          assertThat(((Rejected) result).reason()).isNotEqualTo(RejectionReason.VERIFIER_FAILURE);
          seen.add(((Rejected) result).reason());
        });

    // garbage that never got past the first check would prove little
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            EnumSet.complementOf(EnumSet.of(RejectionReason.VERIFIER_FAILURE)));
  }

  @Test
  void corruptedSignedRequests_neverThrow() {
    List<AbstractScheme> schemes = SchemeCatalog.all();
    PropertyCheck.forAll(
        "corrupted signed requests never throw",
        CORRUPTION_TRIES,
        random -> {
          SignedDelivery delivery = SignedDelivery.generate(Gen.oneOf(random, schemes), random);
          Map<String, String> headers = new HashMap<>(delivery.headers());
          int edits = 1 + random.nextInt(4);
          for (int i = 0; i < edits; i++) {
            String name = Gen.oneOf(random, List.copyOf(headers.keySet()));
            headers.put(name, corrupt(headers.get(name), random));
          }

          List<String> candidates = new ArrayList<>(Gen.candidates(random));
          candidates.add(random.nextInt(candidates.size() + 1), delivery.secret());

          VerificationResult result =
              delivery.verifyWith(
                  new WebhookRequest(delivery.body(), Headers.of(headers)), candidates);

          // a corruption can be a no-op (e.g. deleting a trailing space), so only failures count
          if (result instanceof Rejected rejected) {
            assertThat(rejected.reason()).isNotEqualTo(RejectionReason.VERIFIER_FAILURE);
          }
        });
  }

  private static WebhookRequest garbageRequest(SplittableRandom random) {
    Map<String, String> headers = new HashMap<>();
    int count = random.nextInt(8);
    for (int i = 0; i < count; i++) {
      String name =
          random.nextInt(5) == 0
              ? Gen.garbage(random, 20)
              : randomCase(Gen.oneOf(random, HEADER_NAMES), random);
      headers.put(name, garbageValue(random));
    }
    byte[] body = random.nextInt(50) == 0 ? null : Gen.bytes(random, 512);
    return new WebhookRequest(body, random.nextInt(100) == 0 ? null : Headers.of(headers));
  }

  private static String garbageValue(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Gen.numberish(random);
      case 1 -> Gen.signatureish(random);
      case 2 -> "t=" + Gen.numberish(random) + "," + Gen.signatureish(random);
      case 3 -> (Gen.signatureish(random) + " ").repeat(1 + random.nextInt(40));
      case 4 -> Gen.garbage(random, random.nextInt(20) == 0 ? 20_000 : 80);
      default -> Gen.printable(random, 60);
    };
  }

  private static Instant garbageNow(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> Gen.oneOf(random, EDGE_TIMES);
      case 1, 2, 3, 4 -> Instant.ofEpochSecond(Gen.NEAR_NOW);
      default ->
          Instant.ofEpochSecond(random.nextLong(-31_557_014_167_219_200L, 31_556_889_864_403_199L));
    };
  }

  private static String randomCase(String name, SplittableRandom random) {
    return random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
  }

  /** Inserts, deletes, replaces or duplicates characters. */
  private static String corrupt(String value, SplittableRandom random) {
    StringBuilder text = new StringBuilder(value);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    switch (random.nextInt(4)) {
      case 0 -> text.insert(at, Gen.garbage(random, 3));
      case 1 -> {
        if (!text.isEmpty()) {
          text.deleteCharAt(at);
        }
      }
      case 2 -> {
        if (!text.isEmpty()) {
          text.setCharAt(at, (char) random.nextInt(0x10000));
        }
      }
      default -> text.append(text);
    }
    return text.toString();
  }
}
