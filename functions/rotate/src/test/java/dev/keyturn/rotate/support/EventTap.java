package dev.keyturn.rotate.support;

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
 * Creates the keyturn bus in moto and a rule that copies every {@code keyturn.rotate} event (or
 * those of another pattern) to a queue, so tests read what the function really published.
 */
public final class EventTap {

  /** One event as EventBridge delivered it. */
  public record Delivered(
      String detailType, String source, Map<String, Object> detail, String raw) {
    @Override
    public String toString() {
      return "Delivered[" + detailType + " from " + source + "]";
    }
  }

  private final SqsClient sqs = SqsClient.create();
  private final String queueUrl;

  /** Sets up bus, rule and queue (clients with default settings, i.e. moto in tests). */
  public EventTap(String busName) {
    this(busName, "{\"source\":[\"keyturn.rotate\"]}");
  }

  /**
   * A tap whose rule matches {@code eventPattern} (e.g. a rule of template.yaml), on the bus, which
   * is created unless it exists.
   */
  public EventTap(String busName, String eventPattern) {
    try (EventBridgeClient events = EventBridgeClient.create()) {
      if (events.listEventBuses(b -> b.namePrefix(busName)).eventBuses().stream()
          .noneMatch(bus -> bus.name().equals(busName))) {
        events.createEventBus(b -> b.name(busName));
      }
      String name = "keyturn-events-" + UUID.randomUUID();
      queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      events.putRule(b -> b.name(name).eventBusName(busName).eventPattern(eventPattern));
      events.putTargets(
          b -> b.rule(name).eventBusName(busName).targets(t -> t.id("queue").arn(queueArn)));
    }
  }

  /** Every event delivered since the last drain. */
  public List<Delivered> drain() {
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
            new Delivered(
                (String) event.get("detail-type"), (String) event.get("source"), detail, m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }
}
