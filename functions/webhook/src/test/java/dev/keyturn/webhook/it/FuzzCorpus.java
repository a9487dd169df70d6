package dev.keyturn.webhook.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.webhook.scheme.StandardWebhooksScheme;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates Function URL events for the fuzz run: mostly forgeries (a correctly signed delivery
 * with one change that must make it fail), now and then a held-back valid delivery with repeats of
 * it (exact, or in another transport form or header spelling) that must be answered as duplicates.
 * Every delivery's body starts with a unique nonce, so what reaches the bus can be traced back to
 * the delivery it came from.
 */
final class FuzzCorpus {

  /** What a request must get. */
  enum Expect {
    /** 4xx, never forwarded. */
    FORGED,
    /** 202, forwarded once. */
    FIRST,
    /** 200 duplicate, not forwarded again. */
    REPEAT
  }

  /** One request to send. */
  record FuzzRequest(String kind, String source, String json, Expect expect, String nonce) {
    @Override
    public String toString() {
      return "FuzzRequest[" + kind + " to " + source + ", expect " + expect + "]";
    }
  }

  static final String NONCE_PREFIX = "fz-";

  /**
   * The share of steps that send a valid delivery (with its repeats): 2% by default, {@code
   * keyturn.fuzz.valid-share} to change it (each valid one costs a round trip to the bus).
   */
  private static final double VALID_SHARE =
      Double.parseDouble(System.getProperty("keyturn.fuzz.valid-share", "0.02"));

  private static final long TOLERANCE_SECONDS = 300;

  private final List<FuzzSource> sources;
  private final KeyPair forger;
  private final ObjectNode template;
  private long nonces;

  FuzzCorpus(List<FuzzSource> sources, KeyPair forger, ObjectNode template) {
    this.sources = sources;
    this.forger = forger;
    this.template = template;
  }

  /** The requests of one step: one forgery, or a valid delivery and its repeats. */
  List<FuzzRequest> step(SplittableRandom random) {
    FuzzSource source = sources.get(random.nextInt(sources.size()));
    Delivery delivery = delivery(source, random);
    if (random.nextDouble() < VALID_SHARE) {
      return valid(delivery, random);
    }
    return List.of(forged(delivery, random));
  }

  /** A correctly signed delivery, signed now. */
  private Delivery delivery(FuzzSource source, SplittableRandom random) {
    String nonce = NONCE_PREFIX + (nonces++) + "-";
    byte[] body = body(nonce, random);
    String id = "msg_fz" + Long.toHexString(random.nextLong());
    Instant at = Instant.now();
    return new Delivery(source, nonce, body, id, at, source.sign(body, at, id));
  }

  private static byte[] body(String nonce, SplittableRandom random) {
    byte[] start = nonce.getBytes(StandardCharsets.US_ASCII);
    return switch (random.nextInt(3)) {
      case 0 ->
          ("{\"nonce\":\"" + nonce + "\",\"n\":" + random.nextInt() + "}")
              .getBytes(StandardCharsets.UTF_8);
      case 1 -> {
        byte[] bytes = new byte[start.length + random.nextInt(1024)];
        System.arraycopy(start, 0, bytes, 0, start.length);
        for (int i = start.length; i < bytes.length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        yield bytes;
      }
      default ->
          (nonce + "text payload=" + random.nextLong() + "&é=ü").getBytes(StandardCharsets.UTF_8);
    };
  }

  private List<FuzzRequest> valid(Delivery d, SplittableRandom random) {
    List<FuzzRequest> out = new ArrayList<>();
    out.add(
        request("valid", d.source(), d.headers(), d.body(), null, "POST", Expect.FIRST, d, random));
    int repeats = random.nextInt(3);
    for (int i = 0; i < repeats; i++) {
      switch (random.nextInt(3)) {
        case 0 ->
            out.add(
                request(
                    "replay",
                    d.source(),
                    d.headers(),
                    d.body(),
                    null,
                    "POST",
                    Expect.REPEAT,
                    d,
                    random));
        case 1 ->
            // the same bytes, sent base64 by the transport
            out.add(
                request(
                    "replay-base64",
                    d.source(),
                    d.headers(),
                    d.body(),
                    true,
                    "POST",
                    Expect.REPEAT,
                    d,
                    random));
        default -> {
          Map<String, String> headers = d.headers();
          if (d.source().scheme().equals(StandardWebhooksScheme.NAME)) {
            headers = svixNames(headers); // as Svix's own service sends it
          }
          out.add(
              request(
                  "replay-renamed",
                  d.source(),
                  headers,
                  d.body(),
                  null,
                  "POST",
                  Expect.REPEAT,
                  d,
                  random));
        }
      }
    }
    return out;
  }

  private FuzzRequest forged(Delivery d, SplittableRandom random) {
    FuzzSource s = d.source();
    Map<String, String> headers = new LinkedHashMap<>(d.headers());
    while (true) {
      switch (random.nextInt(12)) {
        case 0 -> {
          byte[] body = d.body().clone();
          int index = random.nextInt(body.length);
          body[index] = (byte) (body[index] ^ (1 + random.nextInt(255)));
          return forgedRequest("body-byte", s, headers, body, d, random);
        }
        case 1 -> {
          headers.put(
              s.signatureHeader(),
              changeOneChar(headers.get(s.signatureHeader()), random, s.hexSignature()));
          return forgedRequest("signature-char", s, headers, d.body(), d, random);
        }
        case 2 -> {
          String field =
              s.idSigned()
                  ? (random.nextBoolean() ? StandardWebhooksScheme.ID_HEADER : s.timestampHeader())
                  : s.timestampHeader();
          if (field == null) {
            continue;
          }
          headers.put(field, changeOneChar(headers.get(field), random, false));
          return forgedRequest("signed-field-char", s, headers, d.body(), d, random);
        }
        case 3 -> {
          FuzzSource other = sources.get(random.nextInt(sources.size()));
          return forgedRequest(
              "other-secret",
              s,
              s.signWithOther(other, forger, d.body(), d.at(), d.id()),
              d.body(),
              d,
              random);
        }
        case 4 -> {
          headers.remove(s.signatureHeader());
          return forgedRequest("no-signature", s, headers, d.body(), d, random);
        }
        case 5 -> {
          if (!s.timestamped()) {
            continue;
          }
          long off = TOLERANCE_SECONDS + 1 + random.nextInt(3600);
          Instant at = random.nextBoolean() ? d.at().minusSeconds(off) : d.at().plusSeconds(off);
          return forgedRequest(
              "stale-or-future", s, s.sign(d.body(), at, d.id()), d.body(), d, random);
        }
        case 6 -> {
          boolean sentAsBase64 = !isUtf8(d.body());
          return request(
              "base64-flag-flipped",
              s,
              headers,
              d.body(),
              !sentAsBase64,
              "POST",
              Expect.FORGED,
              d,
              random,
              true);
        }
        case 7 -> {
          FuzzSource target = sources.get(random.nextInt(sources.size()));
          if (target == s) {
            continue;
          }
          return forgedRequest("wrong-source", target, headers, d.body(), d, random);
        }
        case 8 -> {
          return request(
              "wrong-method",
              s,
              headers,
              d.body(),
              null,
              random.nextBoolean() ? "GET" : "PUT",
              Expect.FORGED,
              d,
              random);
        }
        case 9 -> {
          if (!s.scheme().equals(StandardWebhooksScheme.NAME)) {
            continue;
          }
          // a second, itself correctly signed, set under the svix names for another id
          Map<String, String> other = svixNames(s.sign(d.body(), d.at(), d.id() + "x"));
          headers.putAll(other);
          return forgedRequest("svix-conflict", s, headers, d.body(), d, random);
        }
        case 10 -> {
          String value = headers.get(s.signatureHeader());
          headers.put(s.signatureHeader(), value.substring(0, random.nextInt(value.length())));
          return forgedRequest("truncated-signature", s, headers, d.body(), d, random);
        }
        default -> {
          FuzzSource unknown =
              new FuzzSource(
                  random.nextBoolean() ? "no-such-source" : s.name() + "-x",
                  s.scheme(),
                  s.options(),
                  s.stored(),
                  null,
                  s.signatureHeader(),
                  s.timestampHeader(),
                  s.timestamped(),
                  s.idSigned());
          return forgedRequest("unknown-source", unknown, headers, d.body(), d, random);
        }
      }
    }
  }

  private FuzzRequest forgedRequest(
      String kind,
      FuzzSource target,
      Map<String, String> headers,
      byte[] body,
      Delivery d,
      SplittableRandom random) {
    return request(kind, target, headers, body, null, "POST", Expect.FORGED, d, random);
  }

  private FuzzRequest request(
      String kind,
      FuzzSource target,
      Map<String, String> signature,
      byte[] body,
      Boolean base64,
      String method,
      Expect expect,
      Delivery d,
      SplittableRandom random) {
    return request(kind, target, signature, body, base64, method, expect, d, random, false);
  }

  /**
   * The Function URL event: the template's headers and the signature headers (names' case shuffled
   * now and then, noise headers added: neither changes what verifies), the body as text when it is
   * UTF-8 and base64 otherwise, unless {@code base64} says how; {@code flagOnly} sends the body
   * text as it is but with the other flag.
   */
  private FuzzRequest request(
      String kind,
      FuzzSource target,
      Map<String, String> signature,
      byte[] body,
      Boolean base64,
      String method,
      Expect expect,
      Delivery d,
      SplittableRandom random,
      boolean flagOnly) {
    ObjectNode event = template.deepCopy();
    String path = "/webhooks/" + target.name();
    event.put("rawPath", path);
    ((ObjectNode) event.path("requestContext").path("http"))
        .put("path", path)
        .put("method", method);
    ObjectNode headers = (ObjectNode) event.get("headers");
    headers.remove(List.of("webhook-id", "webhook-timestamp", "webhook-signature"));
    int noise = random.nextInt(3);
    for (int i = 0; i < noise; i++) {
      headers.put("x-fuzz-" + random.nextInt(1000), Long.toHexString(random.nextLong()));
    }
    signature.forEach((name, value) ->
        headers.put(random.nextInt(8) == 0 ? shuffleCase(name, random) : name, value));
    boolean utf8 = isUtf8(body);
    boolean asBase64 = base64 != null ? base64 : !utf8;
    String text;
    if (flagOnly) {
      text =
          utf8
              ? new String(body, StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(body);
      asBase64 = base64;
    } else {
      text =
          asBase64
              ? Base64.getEncoder().encodeToString(body)
              : new String(body, StandardCharsets.UTF_8);
    }
    event.put("body", text);
    event.put("isBase64Encoded", asBase64);
    return new FuzzRequest(kind, target.name(), event.toString(), expect, d.nonce());
  }

  private static Map<String, String> svixNames(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((name, value) -> out.put(name.replace("webhook-", "svix-"), value));
    return out;
  }

  private static String shuffleCase(String name, SplittableRandom random) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return out.toString().toLowerCase(Locale.ROOT).equals(name) ? out.toString() : name;
  }

  /**
   * One character replaced by a different value (a hex digit's case is not a different value);
   * never a change the header's trimming would undo.
   */
  static String changeOneChar(String value, SplittableRandom random, boolean hex) {
    if (value == null || value.isEmpty()) {
      return "x";
    }
    int index = random.nextInt(value.length());
    char original = value.charAt(index);
    char replacement;
    do {
      replacement = (char) (0x21 + random.nextInt(0x5e)); // printable, no space
    } while (replacement == original
        || (hex && Character.toLowerCase(replacement) == Character.toLowerCase(original)));
    return value.substring(0, index) + replacement + value.substring(index + 1);
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A delivery as its sender signed it. */
  record Delivery(
      FuzzSource source,
      String nonce,
      byte[] body,
      String id,
      Instant at,
      Map<String, String> headers) {}
}
