package dev.keyturn.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Function URL (payload v2.0) event Lambda would pass a handler for one HTTP request, for
 * calling a Function URL handler in-process (the demo, tests).
 */
public final class LocalFunctionUrl {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private LocalFunctionUrl() {}

  /**
   * The event as Lambda builds it: header names in lower case, the body as text when it is UTF-8
   * and base64 otherwise.
   */
  public static APIGatewayV2HTTPEvent event(
      String method, String path, Map<String, String> headers, byte[] body, Instant at) {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
    String text = utf8(body);
    boolean base64 = text == null;
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(lowerCased)
        .withBody(base64 ? Base64.getEncoder().encodeToString(body) : text)
        .withIsBase64Encoded(base64)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("anonymous")
                .withApiId("keyturn-demo")
                .withDomainName("keyturn-demo.lambda-url.us-east-1.on.aws")
                .withDomainPrefix("keyturn-demo")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey("$default")
                .withStage("$default")
                .withTime(REQUEST_TIME.format(at))
                .withTimeEpoch(at.toEpochMilli())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .withUserAgent("keyturn-demo")
                        .build())
                .build())
        .build();
  }

  /** The text when the bytes are valid UTF-8, else null. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }
}
