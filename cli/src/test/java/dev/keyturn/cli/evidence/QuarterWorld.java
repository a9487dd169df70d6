package dev.keyturn.cli.evidence;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.keyturn.cli.support.CliWorld;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalFunctionUrl;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.WebhookHandler;
import dev.keyturn.webhook.scheme.StripeScheme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The quarter's world: {@link CliWorld} plus a vendor-mode entry (an IAM access key moto's IAM
 * issues) and a known webhook source, {@value #SOURCE}, whose Stripe signing secret is in moto's
 * Secrets Manager; and the webhook function's real path (its handler, beans and DynamoDB Local) to
 * deliver to it.
 */
final class QuarterWorld {

  /** aws-iam-access-key generator: mode vendor. */
  static final String IAM_KEY = "AWS_REPORTS_EXPORT";

  static final String IAM_KEY_ID = "kt-cli/aws-reports-export";
  static final String IAM_USER = "kt-cli-reports";

  /** The webhook source's signing secret: issued by the sender, so mode operator. */
  static final String WEBHOOK_SECRET = "RX_BILLING_WEBHOOK";

  static final String WEBHOOK_SECRET_ID = "kt-cli/rx-billing-webhook";
  static final String SOURCE = "rx-billing";

  final CliWorld cli;
  final String signingSecret;

  private QuarterWorld(CliWorld cli, String signingSecret) {
    this.cli = cli;
    this.signingSecret = signingSecret;
  }

  /** Creates the extra sources in moto, then seeds and applies the whole inventory. */
  static QuarterWorld seed(LocalAws aws) {
    try (IamClient iam =
            IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        SecretsManagerClient sm = SecretsManagerClient.create()) {
      iam.createUser(b -> b.userName(IAM_USER).path("/keyturn-rotated/"));
      AccessKey key = iam.createAccessKey(b -> b.userName(IAM_USER)).accessKey();
      SeededSecrets.register(key.secretAccessKey());
      String pair =
          Json.write(
              new TreeMap<>(
                  Map.of(
                      "accessKeyId", key.accessKeyId(),
                      "secretAccessKey", key.secretAccessKey())));
      sm.createSecret(b -> b.name(IAM_KEY_ID).secretString(pair));
      String signing = SeededSecrets.register("whsec_" + SeededSecrets.generate("rx-billing"));
      sm.createSecret(b -> b.name(WEBHOOK_SECRET_ID).secretString(signing));
      return new QuarterWorld(CliWorld.seed(aws, entries(), webhooks()), signing);
    }
  }

  /** The IAM key's stored value after a rotation, its new secret registered as seeded. */
  void registerIamKey() {
    SeededSecrets.register(Json.tree(cli.secretValue(IAM_KEY_ID)).get("secretAccessKey").asText());
  }

  /**
   * Sends deliveries through the webhook function's handler, in one container (one application
   * context), and shuts it down as Lambda would: what the container still holds of its rejection
   * tallies is written then.
   */
  static final class Deliveries implements AutoCloseable {

    // built as Lambda builds it (the function's own defaults, keyturn.table from the system
    // property the emulator extension sets), closed as Lambda shuts a container down
    private final WebhookHandler handler = new WebhookHandler();
    private final byte[] body =
        "{\"type\":\"invoice.paid\",\"id\":\"evt_quarter\"}".getBytes(StandardCharsets.UTF_8);

    /** Signed as Stripe signs, with {@code secret} at {@code at}: answers the status. */
    int signed(String source, String secret, Instant at) {
      return post(source, StripeScheme.signWithEach(List.of(secret), body, at));
    }

    /** No {@code Stripe-Signature} header at all. */
    int unsigned(String source) {
      return post(source, Map.of());
    }

    private int post(String source, Map<String, String> signature) {
      Map<String, String> headers = new HashMap<>(signature);
      headers.put("content-type", "application/json");
      APIGatewayV2HTTPResponse response =
          handler.handleRequest(
              LocalFunctionUrl.event("POST", "/webhooks/" + source, headers, body, Instant.now()),
              LocalLambdaContext.of("keyturn-webhook"));
      return response.getStatusCode();
    }

    @Override
    public void close() {
      handler.close();
    }
  }

  /** A forged signing secret: well-formed, never the source's. */
  static String forgedSecret() {
    return SeededSecrets.register("whsec_" + SeededSecrets.generate("forged"));
  }

  static Instant anHourAgo() {
    return Instant.now().minus(Duration.ofHours(1));
  }

  private static String entries() {
    return """
      - name: %s
        source: {secretsManager: %s}
        tags: {function: platform-api, sensitivity: high, consumer: operator, rotation: 30d}
        environments: [prod]
        scope: account
        review: "quarter test review"
        generator: {type: aws-iam-access-key, user: %s}
        expiresAt: non-expiring
        scopes: [reports export]
        references: [infra/reports.tf]
      - name: %s
        source: {secretsManager: %s}
        tags: {function: billing-read, sensitivity: high, consumer: raptor, rotation: 90d}
        environments: [prod]
        review: "quarter test review"
        expiresAt: non-expiring
        scopes: ["webhook signature: Raxx billing deliveries (Stripe scheme)"]
    """
        .formatted(IAM_KEY, IAM_KEY_ID, IAM_USER, WEBHOOK_SECRET, WEBHOOK_SECRET_ID);
  }

  private static String webhooks() {
    return """
      - source: %s
        scheme: stripe
        secret: %s
    """
        .formatted(SOURCE, WEBHOOK_SECRET);
  }
}
