package dev.keyturn.benchmarks;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.keyturn.webhook.http.DecodedBody;
import dev.keyturn.webhook.http.InboundRequest;
import dev.keyturn.webhook.scheme.Headers;
import dev.keyturn.webhook.scheme.SignatureScheme;
import dev.keyturn.webhook.scheme.StandardWebhooksScheme;
import dev.keyturn.webhook.scheme.StripeScheme;
import dev.keyturn.webhook.scheme.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification throughput of one 1 KiB delivery from what Lambda hands the function: the Function
 * URL event's body {@code String} (plain, or base64 with {@code isBase64Encoded}) and its header
 * map (lower-case names, the usual dozen of them). Every contender starts from that input and does
 * its own conversion inside the timed call, as code using it would:
 *
 * <ul>
 *   <li>keyturn: the function's own path, {@link DecodedBody} then {@link Headers#of} then the
 *       scheme's {@code verify} against the candidate secrets;
 *   <li>the reference libraries (standardwebhooks, svix, stripe-java): the payload as a String
 *       (decoded first when base64), the header map converted to the multi-valued map they take
 *       (stripe-java: its one header), one library instance per secret version tried in turn;
 *   <li>the floor, a raw JCA {@link Mac}: the same body conversion and header lookups, the signed
 *       content fed to an initialised Mac per secret version, the header's signature decoded and
 *       compared in constant time.
 * </ul>
 *
 * <p>Scenarios: {@code valid} (signed with the one current secret), {@code rotation} (signed with
 * the previous version; candidates current then previous, as the function tries them mid-rotation)
 * and {@code forged} (signed with a key nobody holds: the rejection path). Setup fails unless every
 * contender accepts exactly the deliveries it should. Bodies: {@code event} (a Stripe event's JSON)
 * and {@code opaque} (random printable ASCII).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookVerifyBenchmark {

  static final int BODY_BYTES = 1024;
  static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  static final String PATH = "/webhooks/acme";
  static final int MAX_BODY_BYTES = 256 * 1024;

  @Param({"valid", "rotation", "forged"})
  public String scenario;

  @Param({"text", "base64"})
  public String encoding;

  /**
   * {@code event}: a JSON object shaped like a Stripe event (top-level {@code "id":"evt_..."}
   * first), what Stripe actually sends; {@code opaque}: random printable ASCII, which keyturn's
   * Stripe scheme keys by content digest. The other contenders only hash the bytes either way.
   */
  @Param({"event", "opaque"})
  public String body;

  // what Lambda hands over
  private String swBody;
  private String stBody;
  private boolean base64;
  private Map<String, String> swHeaders;
  private Map<String, String> stHeaders;

  // keyturn
  private SignatureScheme standardWebhooks;
  private SignatureScheme stripe;
  private List<String> whsecCandidates;
  private List<String> stripeCandidates;

  // reference libraries, one instance per secret version
  private List<com.standardwebhooks.Webhook> standardWebhooksLibraries;
  private List<com.svix.Webhook> svixLibraries;
  private List<String> stripeSecrets;

  // the floor: one initialised Mac per secret version
  private List<Mac> swMacs;
  private List<Mac> stMacs;
  private MessageDigest sha256;

  boolean expectVerified;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Random random = new Random(42);
    byte[] body =
        switch (this.body) {
          case "event" -> stripeEvent(random);
          case "opaque" -> opaque(random);
          default -> throw new IllegalArgumentException("body " + this.body);
        };
    byte[] current = key(random);
    byte[] previous = key(random);
    byte[] nobodys = key(random);
    List<byte[]> live = scenario.equals("rotation") ? List.of(current, previous) : List.of(current);
    byte[] signing =
        switch (scenario) {
          case "valid" -> current;
          case "rotation" -> previous;
          case "forged" -> nobodys;
          default -> throw new IllegalArgumentException("scenario " + scenario);
        };
    expectVerified = !scenario.equals("forged");
    base64 = encoding.equals("base64");
    Instant now = Instant.now();

    standardWebhooks = new StandardWebhooksScheme();
    stripe = new StripeScheme();
    whsecCandidates = live.stream().map(WebhookVerifyBenchmark::whsec).toList();
    stripeCandidates = live.stream().map(WebhookVerifyBenchmark::stripeSecret).toList();

    Map<String, String> swSigned =
        ((StandardWebhooksScheme) standardWebhooks).sign(whsec(signing), body, now, ID);
    String payload = new String(body, StandardCharsets.US_ASCII);
    String stripeHeader =
        Webhook.Signature.generateSignatureHeader(
            payload, stripeSecret(signing), now.getEpochSecond());
    swHeaders = functionUrlHeaders(swSigned);
    stHeaders = functionUrlHeaders(Map.of("stripe-signature", stripeHeader));
    swBody = base64 ? Base64.getEncoder().encodeToString(body) : payload;
    stBody = swBody;

    standardWebhooksLibraries = new ArrayList<>();
    svixLibraries = new ArrayList<>();
    swMacs = new ArrayList<>();
    stMacs = new ArrayList<>();
    for (byte[] key : live) {
      standardWebhooksLibraries.add(new com.standardwebhooks.Webhook(whsec(key)));
      svixLibraries.add(new com.svix.Webhook(whsec(key)));
      swMacs.add(mac(key));
      stMacs.add(mac(stripeSecret(key).getBytes(StandardCharsets.UTF_8)));
    }
    stripeSecrets = stripeCandidates;
    sha256 = MessageDigest.getInstance("SHA-256");
    checkEveryContender();
  }

  /** Random printable ASCII: a String holds it exactly. */
  private static byte[] opaque(Random random) {
    byte[] body = new byte[BODY_BYTES];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (0x20 + random.nextInt(95));
    }
    return body;
  }

  /** A {@link #BODY_BYTES} Stripe event: its fields as Stripe orders them, a padded description. */
  private static byte[] stripeEvent(Random random) {
    String head =
        "{\"id\":\"evt_1QdRsT2eZvKYlo2C8mNpXq7A\",\"object\":\"event\","
            + "\"api_version\":\"2024-06-20\",\"created\":1765098000,"
            + "\"data\":{\"object\":{\"id\":\"in_1QdRsS2eZvKYlo2CvB3aKx9L\",\"object\":\"invoice\","
            + "\"amount_paid\":4200,\"currency\":\"usd\",\"lines\":{\"object\":\"list\","
            + "\"data\":[{\"id\":\"il_1\",\"amount\":4200}]},\"description\":\"";
    String tail =
        "\"}},\"livemode\":false,\"pending_webhooks\":1,"
            + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"invoice.paid\"}";
    String letters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder json = new StringBuilder(head);
    while (json.length() < BODY_BYTES - tail.length()) {
      json.append(letters.charAt(random.nextInt(letters.length())));
    }
    return json.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] key(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  private static String whsec(byte[] key) {
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  private static String stripeSecret(byte[] key) {
    return "whsec_" + HexFormat.of().formatHex(key);
  }

  private static Mac mac(byte[] key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac;
  }

  /** A Function URL event's headers: lower-case names, what API Gateway adds, then the scheme's. */
  static Map<String, String> functionUrlHeaders(Map<String, String> signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws");
    headers.put(
        "user-agent", "Svix-Webhooks/1.99 (sender-abcde; +https://www.svix.com/http-sender/)");
    headers.put("content-type", "application/json");
    headers.put("content-length", Integer.toString(BODY_BYTES));
    headers.put("accept", "*/*");
    headers.put("accept-encoding", "gzip");
    headers.put("x-amzn-tls-version", "TLSv1.3");
    headers.put("x-amzn-tls-cipher-suite", "TLS_AES_128_GCM_SHA256");
    headers.put("x-amzn-trace-id", "Root=1-67891233-abcdef012345678912345678");
    headers.put("x-forwarded-proto", "https");
    headers.put("x-forwarded-port", "443");
    headers.put("x-forwarded-for", "203.0.113.7");
    signature.forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
    // what the Lambda runtime hands a RequestHandler: its event serializer
    // (aws-lambda-java-serialization's LambdaEventSerializers) builds a LinkedHashMap
    return headers;
  }

  private void checkEveryContender() throws Exception {
    boolean[] results = {
      keyturnStandardWebhooks(),
      keyturnStripe(),
      standardWebhooksLibrary(),
      svix(),
      stripeJava(),
      rawMacStandardWebhooks(),
      rawMacStripe(),
      rawMacAndReplayDigestStripe() != null
    };
    for (int i = 0; i < results.length; i++) {
      if (results[i] != expectVerified) {
        throw new IllegalStateException(
            "contender " + i + " got " + results[i] + " for scenario " + scenario + ", " + body);
      }
    }
  }

  // --- keyturn: the function's own conversion and verification ---------------------------------

  private byte[] keyturnBody(String body) {
    DecodedBody decoded =
        DecodedBody.of(new InboundRequest("POST", PATH, null, body, base64), MAX_BODY_BYTES);
    return decoded instanceof DecodedBody.Bytes bytes ? bytes.bytes() : null;
  }

  @Benchmark
  public boolean keyturnStandardWebhooks() {
    WebhookRequest request = new WebhookRequest(keyturnBody(swBody), Headers.of(swHeaders));
    return standardWebhooks.verify(request, whsecCandidates, Instant.now()).verified();
  }

  @Benchmark
  public boolean keyturnStripe() {
    WebhookRequest request = new WebhookRequest(keyturnBody(stBody), Headers.of(stHeaders));
    return stripe.verify(request, stripeCandidates, Instant.now()).verified();
  }

  // --- reference libraries
  // ------------------------------------------------------------------------

  private String libraryPayload(String body) {
    return base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
  }

  /** The multi-valued map the Standard Webhooks libraries take, from the event's map. */
  private static Map<String, List<String>> multiValued(Map<String, String> headers) {
    Map<String, List<String>> out = HashMap.newHashMap(headers.size());
    headers.forEach((name, value) -> out.put(name, List.of(value)));
    return out;
  }

  @Benchmark
  public boolean standardWebhooksLibrary() {
    String payload = libraryPayload(swBody);
    Map<String, List<String>> headers = multiValued(swHeaders);
    for (com.standardwebhooks.Webhook library : standardWebhooksLibraries) {
      try {
        library.verify(payload, headers);
        return true;
      } catch (Exception notThisVersion) {
        // try the next version
      }
    }
    return false;
  }

  @Benchmark
  public boolean svix() {
    String payload = libraryPayload(swBody);
    Map<String, List<String>> headers = multiValued(swHeaders);
    for (com.svix.Webhook library : svixLibraries) {
      try {
        library.verify(payload, headers);
        return true;
      } catch (Exception notThisVersion) {
        // try the next version
      }
    }
    return false;
  }

  @Benchmark
  public boolean stripeJava() {
    String payload = libraryPayload(stBody);
    String header = stHeaders.get("stripe-signature");
    for (String secret : stripeSecrets) {
      try {
        if (Webhook.Signature.verifyHeader(payload, header, secret, 300)) {
          return true;
        }
      } catch (SignatureVerificationException notThisVersion) {
        // try the next version
      }
    }
    return false;
  }

  // --- the floor: a raw JCA Mac with the same input conversion
  // -------------------------------------

  private byte[] rawBody(String body) {
    return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code webhook-id.webhook-timestamp.body} under each version's Mac, against the v1 entry. */
  @Benchmark
  public boolean rawMacStandardWebhooks() {
    byte[] body = rawBody(swBody);
    String id = swHeaders.get("webhook-id");
    String timestamp = swHeaders.get("webhook-timestamp");
    String signature = swHeaders.get("webhook-signature");
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] expected = Base64.getDecoder().decode(signature.substring(signature.indexOf(',') + 1));
    for (Mac mac : swMacs) {
      mac.update(prefix);
      if (MessageDigest.isEqual(mac.doFinal(body), expected)) {
        return true;
      }
    }
    return false;
  }

  /** {@code t.body} under each version's Mac, against the header's v1 entry. */
  @Benchmark
  public boolean rawMacStripe() {
    return stripeMatches(rawBody(stBody), stHeaders.get("stripe-signature"));
  }

  /**
   * The same work keyturn's stripe scheme does on success: the floor plus the SHA-256 of the signed
   * content that becomes the replay key (Stripe signs no delivery id).
   */
  @Benchmark
  public String rawMacAndReplayDigestStripe() {
    byte[] body = rawBody(stBody);
    String header = stHeaders.get("stripe-signature");
    if (!stripeMatches(body, header)) {
      return null;
    }
    sha256.update(stripePrefix(header));
    return HexFormat.of().formatHex(sha256.digest(body));
  }

  private boolean stripeMatches(byte[] body, String header) {
    byte[] prefix = stripePrefix(header);
    byte[] expected = HexFormat.of().parseHex(header, header.indexOf("v1=") + 3, header.length());
    for (Mac mac : stMacs) {
      mac.update(prefix);
      if (MessageDigest.isEqual(mac.doFinal(body), expected)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] stripePrefix(String header) {
    return (header.substring(2, header.indexOf(',')) + ".").getBytes(StandardCharsets.UTF_8);
  }
}
