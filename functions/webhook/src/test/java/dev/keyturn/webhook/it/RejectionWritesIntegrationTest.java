package dev.keyturn.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.local.lambda.LocalLambdaContext;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.iam.AwsCall;
import dev.keyturn.testing.iam.AwsCallRecorder;
import dev.keyturn.testing.leak.SeededSecrets;
import dev.keyturn.webhook.Deliveries;
import dev.keyturn.webhook.WebhookHandler;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Forged requests cost (almost) no DynamoDB writes: 10,000 requests for a path naming no source
 * write nothing, and 10,000 forged signatures for a real source are counted in memory and written
 * as per-minute aggregates. Counts the writes the function's own SDK clients make ({@link
 * AwsCallRecorder}).
 */
@WithLocalAws
class RejectionWritesIntegrationTest {

  /** 1,000 in the build; {@code -Dkeyturn.rejection-writes.requests=10000} for the figure. */
  static final int REQUESTS = Integer.getInteger("keyturn.rejection-writes.requests", 1_000);

  static final Set<String> WRITES =
      Set.of(
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:TransactWriteItems");

  static WebhookHandler webhook;
  static WebhookEntry source;
  static String forgingSecret;

  @BeforeAll
  static void start(LocalAws aws) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secret = SeededSecrets.register("whsec_" + Base64.getEncoder().encodeToString(key));
    new SecureRandom().nextBytes(key);
    forgingSecret = "whsec_" + Base64.getEncoder().encodeToString(key);
    try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
      secrets.createSecret(b -> b.name("keyturn/it/forged").secretString(secret));
    }
    source =
        new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE)
            .webhook("forged", "standard-webhooks", "keyturn/it/forged", "whsec");
    webhook = new WebhookHandler();
  }

  @AfterAll
  static void stop() {
    webhook.close();
  }

  /** Printed on stderr (the console shows no INFO): the closing note's figure. */
  private static void report(String what, long writes) {
    System.err.printf("DynamoDB writes per %,d forged requests (%s): %d%n", REQUESTS, what, writes);
  }

  private static long writesFor(List<APIGatewayV2HTTPEvent> requests, int expectedStatus) {
    int mark = AwsCallRecorder.mark();
    for (APIGatewayV2HTTPEvent request : requests) {
      assertThat(
              webhook
                  .handleRequest(request, LocalLambdaContext.of("keyturn-webhook"))
                  .getStatusCode())
          .isEqualTo(expectedStatus);
    }
    List<AwsCall> calls = AwsCallRecorder.since(mark);
    return AwsCallRecorder.count(calls, WRITES);
  }

  private static List<APIGatewayV2HTTPEvent> forged(String path) {
    byte[] body = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
    return java.util.stream.IntStream.range(0, REQUESTS)
        .mapToObj(i -> {
          APIGatewayV2HTTPEvent event =
              Deliveries.signed(source, forgingSecret, body, Instant.now(), "msg_forged_" + i);
          event.setRawPath(path);
          return event;
        })
        .toList();
  }

  @Test
  void forgedRequestsForAPathNamingNoSource_writeNothing() {
    long writes = writesFor(forged("/webhooks/no-such-source"), 404);

    report("unknown source", writes);
    assertThat(writes).isZero();
  }

  @Test
  void forgedSignaturesForAKnownSource_areWrittenAsPerMinuteAggregates() {
    Instant start = Instant.now();
    long writes = writesFor(forged("/webhooks/forged"), 401);
    long minutes = Duration.between(start, Instant.now()).toMinutes() + 2;

    report("known source, forged signature", writes);
    // one write when a minute's first rejection arrives, one more per flush of its counts
    assertThat(writes).isLessThanOrEqualTo(minutes * 8);
  }
}
