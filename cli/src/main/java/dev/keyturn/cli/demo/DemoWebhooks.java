package dev.keyturn.cli.demo;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalSdk;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.webhook.WebhookHandler;
import dev.keyturn.webhook.forward.Payload;
import dev.keyturn.webhook.http.Route;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.verify.DeliveryCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs deliveries the way the source's provider does (the schemes' own signing side, with the
 * source's inventory options), sends them through the real {@link WebhookHandler} as the Function
 * URL event Lambda would build, and reports the answers.
 */
final class DemoWebhooks {

  private final WebhookHandler handler;
  private final WebhookEntry source;
  private final Narrator say;

  DemoWebhooks(WebhookHandler handler, WebhookEntry source, Narrator say) {
    this.handler = handler;
    this.source = source;
    this.say = say;
  }

  /**
   * The handover after a rotation: deliveries signed with the previous and the new secret both
   * verify (the new one records the sender's sighting of the new version), a replay is not
   * forwarded twice, a forgery gets 401.
   */
  void handover(String previousSecret, String currentSecret) {
    say.step(
        "Verify webhooks for /webhooks/" + source.source() + " through the real webhook handler");
    int old =
        deliver(
            "signed with the previous secret (AWSPREVIOUS)", previousSecret, DemoRun.WEBHOOK_BODY);
    var fresh = signed(currentSecret, DemoRun.WEBHOOK_BODY.replace("1042", "1043"));
    int current = send("signed with the new secret (AWSCURRENT)", fresh);
    int replay = send("the same delivery again (a replay)", fresh);
    int forged =
        deliver(
            "signed with a secret that was never live",
            "not-the-secret-" + currentSecret.length(),
            DemoRun.WEBHOOK_BODY);
    if (old != 202 || current != 202 || replay != 200 || forged != 401) {
      throw new DemoRun.DemoFailedException(
          "webhook answers were " + List.of(old, current, replay, forged));
    }
    say.ok("both live versions verify, the replay is not forwarded twice, the forgery gets 401");
  }

  /** Signs {@code body} with {@code secret} and delivers it; returns the HTTP status. */
  int deliver(String label, String secret, String body) {
    return send(label, signed(secret, body));
  }

  /** A {@code POST /webhooks/{source}} delivery of {@code body} signed with {@code secret} now. */
  APIGatewayV2HTTPEvent signed(String secret, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.now();
    String deliveryId = "msg_" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> options =
        DeliveryCheck.schemeOptions(source.options(), source.toleranceSeconds());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("user-agent", "keyturn-demo");
    headers.put(
        "content-type",
        Payload.of(bytes).isJson() ? "application/json" : "application/octet-stream");
    headers.putAll(Schemes.signer(source.scheme(), options).sign(secret, bytes, now, deliveryId));
    return LocalFunctionUrl.event("POST", Route.PREFIX + source.source(), headers, bytes, now);
  }

  /** Delivers an event as it is (e.g. a replay). */
  int send(String label, APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event, new Unhurried(LocalLambdaContext.of("keyturn-webhook")));
    say.detail("%-46s -> %d %s", label, response.getStatusCode(), response.getBody());
    return response.getStatusCode();
  }

  /**
   * The invocation context with time for the demo's local AWS: the webhook hands a delivery on only
   * when the invocation has time for every remaining AWS call at its timeout, and the demo's calls
   * may take minutes each on a busy machine ({@code LocalSdk.CALL_TIMEOUT}), where a deployed
   * function's take 2 s. It outlasts the demo's pending claim by one call.
   */
  private record Unhurried(Context local) implements Context {

    static final int REMAINING_MILLIS =
        (int) DemoRun.WEBHOOK_CLAIM_TTL.plus(LocalSdk.CALL_TIMEOUT).toMillis();

    @Override
    public String getAwsRequestId() {
      return local.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
      return local.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
      return local.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
      return local.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
      return local.getFunctionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
      return local.getInvokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
      return local.getIdentity();
    }

    @Override
    public ClientContext getClientContext() {
      return local.getClientContext();
    }

    @Override
    public int getRemainingTimeInMillis() {
      return REMAINING_MILLIS;
    }

    @Override
    public int getMemoryLimitInMB() {
      return local.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
      return local.getLogger();
    }
  }
}
