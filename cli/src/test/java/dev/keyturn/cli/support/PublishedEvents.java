package dev.keyturn.cli.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Every event keyturn puts on the {@code keyturn} bus, copied to an SQS queue by a catch-all rule,
 * so a test can read what was published (and the leak guard can look for values in it).
 */
public final class PublishedEvents {

  private final SqsClient sqs = SqsClient.create();
  private final String queueUrl;
  private final List<String> seen = new ArrayList<>();

  private PublishedEvents(String queueUrl) {
    this.queueUrl = queueUrl;
  }

  /** The rule and queue; the bus must exist (CliWorld creates it). */
  public static PublishedEvents capture(String name) {
    try (SqsClient sqs = SqsClient.create();
        EventBridgeClient events = EventBridgeClient.create()) {
      String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
      String arn =
          sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      events.putRule(b ->
          b.name(name)
              .eventBusName("keyturn")
              .eventPattern("{\"source\":[\"keyturn.rotate\",\"keyturn.webhook\"]}"));
      events.putTargets(
          b -> b.rule(name).eventBusName("keyturn").targets(t -> t.id("queue").arn(arn)));
      return new PublishedEvents(url);
    }
  }

  /**
   * Every event body received so far, waiting until one contains {@code text} (or time runs out).
   */
  public List<String> awaitContaining(String text, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (seen.stream().noneMatch(b -> b.contains(text)) && Instant.now().isBefore(deadline)) {
      for (Message m :
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
              .messages()) {
        seen.add(m.body());
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return List.copyOf(seen);
  }
}
