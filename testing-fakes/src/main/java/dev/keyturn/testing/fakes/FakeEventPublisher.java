package dev.keyturn.testing.fakes;

import dev.keyturn.events.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would have gone on the bus, in order. */
public final class FakeEventPublisher extends FakePort implements EventPublisher {

  /** One published event; {@link #toString()} leaves the detail out. */
  public record Published(String source, String detailType, String detailJson) {
    @Override
    public String toString() {
      return "Published[" + source + "/" + detailType + "]";
    }
  }

  private final List<Published> published = new ArrayList<>();

  @Override
  public synchronized void publish(String source, String detailType, String detailJson) {
    enter("publish");
    published.add(new Published(source, detailType, detailJson));
  }

  public synchronized List<Published> published() {
    return List.copyOf(published);
  }

  public synchronized List<Published> ofType(String detailType) {
    return published.stream().filter(p -> p.detailType().equals(detailType)).toList();
  }

  public synchronized void clear() {
    published.clear();
  }
}
