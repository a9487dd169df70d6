package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.events.EventPublisher;
import dev.keyturn.events.aws.EventBridgePublisher;
import dev.keyturn.json.Json;
import dev.keyturn.testing.aws.WithLocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link FakeEventPublisher} and {@link EventBridgePublisher} held to one contract: every event
 * published reaches the bus once, with its source, detail type and detail. (EventBridge promises no
 * order, so the contract does not either.)
 */
@WithLocalAws
class EventPublisherContractTest {

  /** An event as a consumer of the bus sees it. */
  record Seen(String source, String detailType, Map<String, Object> detail) {}

  abstract static class Contract {

    final EventPublisher publisher;

    Contract(EventPublisher publisher) {
      this.publisher = publisher;
    }

    /** Everything that reached the bus so far. */
    abstract List<Seen> seen();

    @Test
    void publish_putsEachEventOnTheBusOnce_withSourceTypeAndDetail() {
      publisher.publish(
          EventPublisher.Types.ROTATE_SOURCE,
          EventPublisher.Types.SECRET_ROTATED,
          "{\"secretName\":\"RX_ONE\",\"versionId\":\"v2\"}");
      publisher.publish(
          EventPublisher.Types.WEBHOOK_SOURCE, "WebhookVerified", Map.of("source", "acme"));

      assertThat(seen())
          .containsExactlyInAnyOrder(
              new Seen(
                  EventPublisher.Types.ROTATE_SOURCE,
                  EventPublisher.Types.SECRET_ROTATED,
                  Map.of("secretName", "RX_ONE", "versionId", "v2")),
              new Seen(
                  EventPublisher.Types.WEBHOOK_SOURCE,
                  "WebhookVerified",
                  Map.of("source", "acme")));
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeEventPublisher());
    }

    @Override
    List<Seen> seen() {
      return ((FakeEventPublisher) publisher)
          .published().stream()
              .map(p -> new Seen(p.source(), p.detailType(), Json.map(p.detailJson())))
              .toList();
    }
  }

  @Nested
  class EventBridge extends Contract {
    static final String BUS = "keyturn-contract";
    final SqsClient sqs;
    final String queueUrl;

    EventBridge() {
      super(new EventBridgePublisher(EventBridgeClient.create(), BUS));
      sqs = SqsClient.create();
      queueUrl = tap();
    }

    /** A rule that copies every keyturn event on the bus to a new queue. */
    private String tap() {
      try (EventBridgeClient events = EventBridgeClient.create()) {
        if (events.listEventBuses(b -> b.namePrefix(BUS)).eventBuses().isEmpty()) {
          events.createEventBus(b -> b.name(BUS));
        }
        String name = "keyturn-contract-" + UUID.randomUUID();
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn =
            sqs.getQueueAttributes(
                    b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        events.putRule(b ->
            b.name(name)
                .eventBusName(BUS)
                .eventPattern("{\"source\":[{\"prefix\":\"keyturn.\"}]}"));
        events.putTargets(b -> b.rule(name).eventBusName(BUS).targets(t -> t.id("queue").arn(arn)));
        return url;
      }
    }

    @Override
    List<Seen> seen() {
      List<Seen> out = new ArrayList<>();
      for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
        for (Message m : batch) {
          Map<String, Object> event = Json.map(m.body());
          @SuppressWarnings("unchecked")
          Map<String, Object> detail = (Map<String, Object>) event.get("detail");
          out.add(
              new Seen((String) event.get("source"), (String) event.get("detail-type"), detail));
          sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
      }
      return out;
    }

    private List<Message> receive() {
      return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
    }
  }
}
