package dev.keyturn.rotate.fakes;

import dev.keyturn.events.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps published events in order. */
public final class RecordingEventPublisher implements EventPublisher {

  /** One published event. */
  public record Published(String source, String detailType, String detailJson) {}

  private final List<Published> published = new ArrayList<>();

  @Override
  public void publish(String source, String detailType, String detailJson) {
    published.add(new Published(source, detailType, detailJson));
  }

  public List<Published> published() {
    return List.copyOf(published);
  }

  public List<Published> ofType(String detailType) {
    return published.stream().filter(p -> p.detailType().equals(detailType)).toList();
  }
}
