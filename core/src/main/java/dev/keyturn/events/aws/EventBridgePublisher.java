package dev.keyturn.events.aws;

import dev.keyturn.events.EventPublisher;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Puts keyturn events on the EventBridge bus named in configuration. */
public final class EventBridgePublisher implements EventPublisher {

  private final Supplier<EventBridgeClient> eventBridge;
  private final String busName;

  public EventBridgePublisher(EventBridgeClient eventBridge, String busName) {
    this(() -> eventBridge, busName);
  }

  /**
   * As above, with the client asked for on the first event: a cold start whose request publishes
   * nothing (rotate's createSecret) never builds it.
   */
  public EventBridgePublisher(Supplier<EventBridgeClient> eventBridge, String busName) {
    this.eventBridge = eventBridge;
    this.busName = busName;
  }

  @Override
  public void publish(String source, String detailType, String detailJson) {
    PutEventsResponse response =
        eventBridge
            .get()
            .putEvents(b ->
                b.entries(e ->
                    e.eventBusName(busName)
                        .source(source)
                        .detailType(detailType)
                        .detail(detailJson)));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      String code = response.entries().getFirst().errorCode();
      throw new EventPublishException(busName, detailType, code);
    }
  }

  /** EventBridge refused an event. Carries the bus, detail type and error code only. */
  public static final class EventPublishException extends RuntimeException {
    public EventPublishException(String bus, String detailType, String code) {
      super("EventBridge bus " + bus + " refused " + detailType + ": " + code);
    }
  }
}
