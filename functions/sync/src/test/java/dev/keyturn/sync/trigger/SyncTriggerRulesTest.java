package dev.keyturn.sync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyturn.testing.aws.WithLocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * template.yaml's sync triggers match only secrets under the managed prefix, and every one has a
 * dead-letter queue: each rule's pattern, as deployed with the default parameters, routes events
 * EventBridge would carry (or not) to a queue on a bus in moto.
 */
@WithLocalAws
class SyncTriggerRulesTest {

  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";

  static JsonNode events;
  static Map<String, String> substitutions;

  @BeforeAll
  static void read() throws IOException {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    // intrinsic tags are dropped by this reader: !Ref X reads as "X", !Sub as its template
    JsonNode template =
        new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("template.yaml").toFile());
    String prefix =
        template.path("Parameters").path("ManagedSecretPrefix").path("Default").asText();
    substitutions =
        Map.of(
            "${ManagedSecretPrefix}", prefix,
            "${AWS::Partition}", "aws",
            "${AWS::Region}", REGION,
            "${AWS::AccountId}", ACCOUNT,
            "ManagedSecretPrefix", prefix);
    events = template.path("Resources").path("SyncFunction").path("Properties").path("Events");
  }

  /** The rule's pattern with the template's parameters and pseudo parameters filled in. */
  private static String pattern(String event) {
    JsonNode pattern = events.path(event).path("Properties").path("Pattern").deepCopy();
    return resolve(pattern).toString();
  }

  private static JsonNode resolve(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      if (substitutions.containsKey(text)) {
        return TextNode.valueOf(substitutions.get(text));
      }
      for (Map.Entry<String, String> s : substitutions.entrySet()) {
        if (s.getKey().startsWith("${")) {
          text = text.replace(s.getKey(), s.getValue());
        }
      }
      return TextNode.valueOf(text);
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(resolve(field.getValue()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, resolve(node.get(i)));
      }
    }
    return node;
  }

  /**
   * Whether EventBridge (moto) routes the event to a target of a rule with the event's pattern: a
   * fresh bus, the rule, an SQS queue as its target, PutEvents, then read the queue.
   */
  private static boolean matches(String event, String detailType, String source, String detail) {
    String name = "sync-rule-" + UUID.randomUUID();
    try (EventBridgeClient events = EventBridgeClient.create();
        SqsClient sqs = SqsClient.create()) {
      events.createEventBus(b -> b.name(name));
      String queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      events.putRule(b -> b.name(name).eventBusName(name).eventPattern(pattern(event)));
      events.putTargets(
          b -> b.rule(name).eventBusName(name).targets(t -> t.id("queue").arn(queueArn)));
      events.putEvents(b ->
          b.entries(
              e -> e.eventBusName(name).source(source).detailType(detailType).detail(detail)));
      return !sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages().isEmpty();
    }
  }

  private static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  @Test
  void cloudTrailSecretChanges_matchOnlyManagedSecrets_byNameOrArn() {
    String call =
        """
        {"eventSource":"secretsmanager.amazonaws.com","eventName":"PutSecretValue",
         "requestParameters":{"secretId":"%s"}}
        """;

    assertThat(
            matches(
                "SecretValueChanged",
                "AWS API Call via CloudTrail",
                "aws.secretsmanager",
                call.formatted("keyturn/prod/db")))
        .isTrue();
    assertThat(
            matches(
                "SecretValueChanged",
                "AWS API Call via CloudTrail",
                "aws.secretsmanager",
                call.formatted(arn("secretsmanager", "secret:keyturn/prod/db-AbCdEf"))))
        .isTrue();
    assertThat(
            matches(
                "SecretValueChanged",
                "AWS API Call via CloudTrail",
                "aws.secretsmanager",
                call.formatted("payroll/prod/db")))
        .isFalse();
    assertThat(
            matches(
                "SecretValueChanged",
                "AWS API Call via CloudTrail",
                "aws.secretsmanager",
                call.formatted(arn("secretsmanager", "secret:payroll/prod/db-AbCdEf"))))
        .isFalse();
  }

  @Test
  void secretRotated_matchesOnlyManagedSecretsAndParameters() {
    String rotated = "{\"secretName\":\"CF_DNS_EDIT\",\"secretArn\":\"%s\",\"versionId\":\"v\"}";

    assertThat(
            matches(
                "SecretRotated",
                "SecretRotated",
                "keyturn.rotate",
                rotated.formatted(arn("secretsmanager", "secret:keyturn/prod/dns-AbCdEf"))))
        .isTrue();
    assertThat(
            matches(
                "SecretRotated",
                "SecretRotated",
                "keyturn.rotate",
                rotated.formatted(arn("ssm", "parameter/keyturn/dev/api"))))
        .isTrue();
    assertThat(
            matches(
                "SecretRotated",
                "SecretRotated",
                "keyturn.rotate",
                rotated.formatted(arn("secretsmanager", "secret:other/prod/dns-AbCdEf"))))
        .isFalse();
  }

  @Test
  void parameterChanges_matchOnlyManagedParameters() {
    String change = "{\"operation\":\"Update\",\"name\":\"%s\",\"type\":\"SecureString\"}";

    assertThat(
            matches(
                "ParameterChanged",
                "Parameter Store Change",
                "aws.ssm",
                change.formatted("/keyturn/dev/api")))
        .isTrue();
    assertThat(
            matches(
                "ParameterChanged",
                "Parameter Store Change",
                "aws.ssm",
                change.formatted("/other/dev/api")))
        .isFalse();
  }

  @Test
  void everyTrigger_hasADeadLetterQueue() {
    events.forEach(event ->
        assertThat(event.path("Properties").path("DeadLetterConfig").path("Arn").asText())
            .as(event.toString())
            .isEqualTo("SyncTriggerDeadLetterQueue.Arn"));
  }
}
