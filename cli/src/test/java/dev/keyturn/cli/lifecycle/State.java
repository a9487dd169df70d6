package dev.keyturn.cli.lifecycle;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.json.Json;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.state.dynamodb.DynamoSenderSightings;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the functions share, read and written the way keyturn's own adapters do: the inventory
 * (applied like {@code keyturn apply}), the rotation records, the sender sightings, and a queue
 * behind a rule that copies every {@code keyturn.webhook} event off the bus.
 */
final class State implements AutoCloseable {

  private final StateTable table;
  private final DynamoInventoryStore inventory;
  private final List<SecretEntry> secrets = new ArrayList<>();
  private final List<WebhookEntry> webhooks = new ArrayList<>();
  private final EventBridgeClient events = EventBridgeClient.create();
  private final SqsClient sqs = SqsClient.create();
  private final String queueUrl;

  State(LocalAws aws) {
    table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    inventory = new DynamoInventoryStore(table);
    try {
      events.createEventBus(b -> b.name("keyturn"));
    } catch (ResourceAlreadyExistsException exists) {
      // created by an earlier class in this JVM's moto state
    }
    String name = "keyturn-handover-tap-" + UUID.randomUUID();
    queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(b ->
        b.name(name).eventBusName("keyturn").eventPattern("{\"source\":[\"keyturn.webhook\"]}"));
    events.putTargets(
        b -> b.rule(name).eventBusName("keyturn").targets(t -> t.id("queue").arn(queueArn)));
  }

  /** A generated (hmac-key) secret entry and the webhook source it signs, applied. */
  void addHook(String entry, String secretId, String source, String scheme, SenderBinding sender) {
    secrets.add(
        new SecretEntry(
            entry,
            new Source.SecretsManager(secretId),
            Tags.of("webhook", "high", "raptor", "90d"),
            List.of("prod"),
            null,
            null,
            new GeneratorSpec("hmac-key", Map.of("format", "hex")),
            null,
            List.of(),
            null,
            List.of()));
    // no overlap: the test retires the old version in the first sweep after confirmation
    webhooks.add(new WebhookEntry(source, scheme, entry, null, Map.of(), sender, "PT0S"));
    inventory.apply(
        inventory.plan(new Inventory(1, Set.of(), Set.of(), Set.of(), secrets, webhooks)));
  }

  /** The life-cycle stage of one rotation, as the rotation record holds it. */
  LifecycleStage stage(String entry, String token) {
    return new DynamoRotationStore(table)
        .rotation(entry, token)
        .map(RotationRecord::stage)
        .orElse(null);
  }

  /** The audit events of {@code action} about the entry since {@code since}. */
  List<AuditEvent> audited(String entry, String action, Instant since) {
    return new DynamoAuditLog(table)
        .since(since, entry, 50).stream().filter(e -> e.action().equals(action)).toList();
  }

  /** The version the source's sender was last seen signing with. */
  Optional<String> sighting(String source) {
    return new DynamoSenderSightings(table).last(source).map(SenderSighting::versionId);
  }

  /** The delivery ids of the webhook events put on the bus since the last call. */
  @SuppressWarnings("unchecked")
  List<String> forwardedBodies() {
    List<String> ids = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        return ids;
      }
      for (Message m : batch) {
        Map<String, Object> detail = (Map<String, Object>) Json.map(m.body()).get("detail");
        Map<String, Object> body = (Map<String, Object>) detail.get("body");
        ids.add((String) body.get("delivery"));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  void drainForwarded() {
    forwardedBodies();
  }

  @Override
  public void close() {
    events.close();
    sqs.close();
  }
}
