package dev.keyturn.webhook.it;

import dev.keyturn.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the keyturn bus in moto with a rule that copies every {@code keyturn.webhook} event to a
 * queue, so tests read back what the function really put on the bus.
 */
final class BusTap implements AutoCloseable {

  /** One event as EventBridge delivered it to the queue. */
  record Delivered(String source, String detailType, Map<String, Object> detail) {
    @Override
    public String toString() {
      return "Delivered[" + source + "/" + detailType + "]";
    }
  }

  private final EventBridgeClient events = EventBridgeClient.create();
  private final SqsClient sqs = SqsClient.create();
  private final String busName;
  private final String queueUrl;

  BusTap(String busName) {
    this.busName = busName;
    events.createEventBus(b -> b.name(busName));
    String name = "keyturn-webhook-tap-" + UUID.randomUUID();
    queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    events.putRule(
        b -> b.name(name).eventBusName(busName).eventPattern("{\"source\":[\"keyturn.webhook\"]}"));
    events.putTargets(
        b -> b.rule(name).eventBusName(busName).targets(t -> t.id("queue").arn(queueArn)));
  }

  /** Every event delivered since the last drain. */
  List<Delivered> drain() {
    List<Delivered> out = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        return out;
      }
      for (Message m : batch) {
        Map<String, Object> event = Json.map(m.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        out.add(
            new Delivered((String) event.get("source"), (String) event.get("detail-type"), detail));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /** Deletes the bus (rules first), so publishing fails until {@link #recreate}. */
  void deleteBus() {
    events
        .listRules(b -> b.eventBusName(busName))
        .rules()
        .forEach(rule -> {
          events.removeTargets(b -> b.rule(rule.name()).eventBusName(busName).ids("queue"));
          events.deleteRule(b -> b.name(rule.name()).eventBusName(busName));
        });
    events.deleteEventBus(b -> b.name(busName));
  }

  @Override
  public void close() {
    events.close();
    sqs.close();
  }
}
