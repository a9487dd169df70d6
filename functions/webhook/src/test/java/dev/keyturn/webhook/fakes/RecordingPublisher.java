package dev.keyturn.webhook.fakes;

import dev.keyturn.events.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would have gone on the bus; can be made to fail. */
public final class RecordingPublisher implements EventPublisher {

  /** One published event. */
  public record Published(String source, String detailType, String detailJson) {
    @Override
    public String toString() {
      return "Published[" + source + "/" + detailType + "]";
    }
  }

  private final List<Published> published = new ArrayList<>();
  private boolean failing;

  @Override
  public void publish(String source, String detailType, String detailJson) {
    if (failing) {
      throw new IllegalStateException("event bus unavailable (test)");
    }
    published.add(new Published(source, detailType, detailJson));
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public List<Published> published() {
    return published;
  }
}
