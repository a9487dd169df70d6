package dev.keyturn.benchmarks;

import com.stripe.net.Webhook;
import dev.keyturn.webhook.scheme.Headers;
import dev.keyturn.webhook.scheme.SignatureScheme;
import dev.keyturn.webhook.scheme.StandardWebhooksScheme;
import dev.keyturn.webhook.scheme.StripeScheme;
import dev.keyturn.webhook.scheme.VerificationResult;
import dev.keyturn.webhook.scheme.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification throughput for one 1 KiB delivery, the same input for every contender: keyturn's
 * schemes, the providers' reference libraries, and a bare JCA {@link Mac} over the already-built
 * signed bytes (the floor any verifier pays). Every benchmark verifies a valid delivery; setup
 * fails if any of them would not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class WebhookVerifyBenchmark {

  private static final int BODY_BYTES = 1024;
  private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

  // keyturn
  private SignatureScheme standardWebhooks;
  private SignatureScheme stripe;
  private WebhookRequest standardWebhooksRequest;
  private WebhookRequest stripeRequest;
  private List<String> whsecCandidates;
  private List<String> stripeCandidates;
  private Instant now;

  // reference libraries (they take the payload as a String and read the system clock)
  private String payload;
  private com.standardwebhooks.Webhook standardWebhooksLibrary;
  private com.svix.Webhook svixLibrary;
  private Map<String, List<String>> libraryHeaders;
  private String stripeSecret;
  private String stripeHeader;

  // bare JCA: key initialised, content built, expected MAC decoded
  private Mac standardWebhooksMac;
  private byte[] standardWebhooksContent;
  private byte[] standardWebhooksExpected;
  private Mac stripeMac;
  private byte[] stripeContent;
  private byte[] stripeExpected;
  private MessageDigest sha256;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Random random = new Random(42);
    byte[] body = new byte[BODY_BYTES];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (0x20 + random.nextInt(95)); // printable ASCII: the same bytes as a String
    }
    payload = new String(body, StandardCharsets.US_ASCII);
    byte[] key = new byte[32];
    random.nextBytes(key);
    String whsec = "whsec_" + Base64.getEncoder().encodeToString(key);
    stripeSecret = "whsec_" + HexFormat.of().formatHex(key);
    now = Instant.now();

    standardWebhooks = new StandardWebhooksScheme();
    Map<String, String> swHeaders = standardWebhooks(whsec, body);
    standardWebhooksRequest = new WebhookRequest(body, Headers.of(swHeaders));
    whsecCandidates = List.of(whsec);
    standardWebhooksLibrary = new com.standardwebhooks.Webhook(whsec);
    svixLibrary = new com.svix.Webhook(whsec);
    libraryHeaders =
        Map.of(
            "webhook-id", List.of(ID),
            "webhook-timestamp", List.of(swHeaders.get("webhook-timestamp")),
            "webhook-signature", List.of(swHeaders.get("webhook-signature")));

    stripe = new StripeScheme();
    stripeHeader =
        Webhook.Signature.generateSignatureHeader(payload, stripeSecret, now.getEpochSecond());
    stripeRequest = new WebhookRequest(body, Headers.of("Stripe-Signature", stripeHeader));
    stripeCandidates = List.of(stripeSecret);

    standardWebhooksMac = Mac.getInstance("HmacSHA256");
    standardWebhooksMac.init(new SecretKeySpec(key, "HmacSHA256"));
    standardWebhooksContent =
        (ID + "." + swHeaders.get("webhook-timestamp") + "." + payload)
            .getBytes(StandardCharsets.UTF_8);
    standardWebhooksExpected =
        Base64.getDecoder().decode(swHeaders.get("webhook-signature").substring(3));
    stripeMac = Mac.getInstance("HmacSHA256");
    stripeMac.init(new SecretKeySpec(stripeSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    stripeContent = (now.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8);
    stripeExpected =
        HexFormat.of().parseHex(stripeHeader.substring(stripeHeader.indexOf("v1=") + 3));
    sha256 = MessageDigest.getInstance("SHA-256");

    checkEveryContenderVerifies();
  }

  private Map<String, String> standardWebhooks(String whsec, byte[] body) {
    return ((StandardWebhooksScheme) standardWebhooks).sign(whsec, body, now, ID);
  }

  private void checkEveryContenderVerifies() throws Exception {
    if (!keyturnStandardWebhooks().verified()
        || !keyturnStripe().verified()
        || !stripeJava()
        || !jcaMacStandardWebhooksContent()
        || !jcaMacStripeContent()) {
      throw new IllegalStateException("a contender does not verify the benchmark delivery");
    }
    standardWebhooksLibrary();
    svix();
  }

  @Benchmark
  public VerificationResult keyturnStandardWebhooks() {
    return standardWebhooks.verify(standardWebhooksRequest, whsecCandidates, now);
  }

  @Benchmark
  public VerificationResult keyturnStripe() {
    return stripe.verify(stripeRequest, stripeCandidates, now);
  }

  @Benchmark
  public void standardWebhooksLibrary() throws Exception {
    standardWebhooksLibrary.verify(payload, libraryHeaders);
  }

  @Benchmark
  public void svix() throws Exception {
    svixLibrary.verify(payload, libraryHeaders);
  }

  @Benchmark
  public boolean stripeJava() throws Exception {
    return Webhook.Signature.verifyHeader(payload, stripeHeader, stripeSecret, 300);
  }

  /** The floor for standard-webhooks: HMAC of the prebuilt content, constant-time compare. */
  @Benchmark
  public boolean jcaMacStandardWebhooksContent() {
    return MessageDigest.isEqual(
        standardWebhooksMac.doFinal(standardWebhooksContent), standardWebhooksExpected);
  }

  /** The floor for stripe: HMAC of the prebuilt content, constant-time compare. */
  @Benchmark
  public boolean jcaMacStripeContent() {
    return MessageDigest.isEqual(stripeMac.doFinal(stripeContent), stripeExpected);
  }

  /**
   * The same work keyturn's stripe scheme does on success: the MAC plus the SHA-256 of the signed
   * content that becomes the replay key (Stripe signs no delivery id).
   */
  @Benchmark
  public String jcaMacAndReplayDigestStripeContent() {
    if (!MessageDigest.isEqual(stripeMac.doFinal(stripeContent), stripeExpected)) {
      return null;
    }
    return HexFormat.of().formatHex(sha256.digest(stripeContent));
  }
}
