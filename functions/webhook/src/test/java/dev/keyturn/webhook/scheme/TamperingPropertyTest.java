package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.VerificationResult.Rejected;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Any single-byte change to what a provider signed, or to the signature, is rejected. */
class TamperingPropertyTest {

  private static final int TRIES = 3_000;

  @Test
  void changingAnyByteOfTheBody_isASignatureMismatch() {
    PropertyCheck.forAll(
        "body byte change",
        TRIES,
        random -> {
          SignedDelivery delivery = generate(random);
          assertThat(delivery.verify()).isInstanceOf(Verified.class);
          byte[] body = delivery.body().clone();
          int index = random.nextInt(body.length);
          body[index] = (byte) (body[index] ^ (1 + random.nextInt(255)));

          VerificationResult result =
              delivery.verifyWith(
                  new WebhookRequest(body, Headers.of(delivery.headers())),
                  List.of(delivery.secret()));

          assertThat(result).isEqualTo(new Rejected(RejectionReason.SIGNATURE_MISMATCH));
        });
  }

  @Test
  void changingAnyByteOfTheSignature_isRejected() {
    PropertyCheck.forAll(
        "signature byte change",
        TRIES,
        random -> {
          SignedDelivery delivery = generate(random);
          String header = delivery.signatureHeader();
          String changed =
              changeOneChar(delivery.headers().get(header), random, delivery.signatureIsHex());

          assertRejected(delivery, header, changed);
        });
  }

  @Test
  void changingAnyByteOfASignedTimestamp_isRejected() {
    PropertyCheck.forAll(
        "timestamp byte change",
        TRIES,
        random -> {
          SignedDelivery delivery =
              SignedDelivery.generate(
                  Gen.oneOf(
                      random,
                      List.<AbstractScheme>of(
                          new StandardWebhooksScheme(), new StripeScheme(), new SlackScheme())),
                  random);
          switch (delivery.scheme()) {
            case StripeScheme s -> {
              // t=<digits>,v1=...: change a byte inside the digits
              String value = delivery.headers().get(StripeScheme.SIGNATURE_HEADER);
              int comma = value.indexOf(',');
              int index = 2 + random.nextInt(comma - 2);
              assertRejected(
                  delivery, StripeScheme.SIGNATURE_HEADER, replaceAt(value, index, random, false));
            }
            case SlackScheme s ->
                assertRejected(
                    delivery,
                    SlackScheme.TIMESTAMP_HEADER,
                    changeOneChar(
                        delivery.headers().get(SlackScheme.TIMESTAMP_HEADER), random, false));
            default ->
                assertRejected(
                    delivery,
                    StandardWebhooksScheme.TIMESTAMP_HEADER,
                    changeOneChar(
                        delivery.headers().get(StandardWebhooksScheme.TIMESTAMP_HEADER),
                        random,
                        false));
          }
        });
  }

  @Test
  void changingAnyByteOfTheSignedId_isRejected() {
    PropertyCheck.forAll(
        "webhook-id byte change",
        TRIES,
        random -> {
          SignedDelivery delivery = SignedDelivery.generate(new StandardWebhooksScheme(), random);
          String id = delivery.headers().get(StandardWebhooksScheme.ID_HEADER);

          assertRejected(
              delivery, StandardWebhooksScheme.ID_HEADER, changeOneChar(id, random, false));
        });
  }

  private static SignedDelivery generate(SplittableRandom random) {
    return SignedDelivery.generate(Gen.oneOf(random, SchemeCatalog.all()), random);
  }

  private static void assertRejected(SignedDelivery delivery, String header, String newValue) {
    Map<String, String> headers = new HashMap<>(delivery.headers());
    headers.put(header, newValue);

    VerificationResult result =
        delivery.verifyWith(
            new WebhookRequest(delivery.body(), Headers.of(headers)), List.of(delivery.secret()));

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).reason()).isNotEqualTo(RejectionReason.VERIFIER_FAILURE);
  }

  private static String changeOneChar(String value, SplittableRandom random, boolean hex) {
    return replaceAt(value, random.nextInt(value.length()), random, hex);
  }

  /**
   * Replaces one character with a different byte value (any of 0x00-0xFF). For hex values, a case
   * flip of the same digit is not a change of value and is skipped.
   */
  private static String replaceAt(String value, int index, SplittableRandom random, boolean hex) {
    char original = value.charAt(index);
    char replacement;
    do {
      replacement = (char) random.nextInt(256);
    } while (replacement == original
        || (hex && Character.toLowerCase(replacement) == Character.toLowerCase(original)));
    return value.substring(0, index) + replacement + value.substring(index + 1);
  }
}
