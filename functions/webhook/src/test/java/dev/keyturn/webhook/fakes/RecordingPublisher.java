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
  private Runnable beforePublish = () -> {};

  @Override
  public void publish(String source, String detailType, String detailJson) {
    beforePublish.run();
    if (failing) {
      throw new IllegalStateException("event bus unavailable (test)");
    }
    published.add(new Published(source, detailType, detailJson));
  }

  /**
   * Runs before each publish (and before failing): a test's stand-in for a slow bus or for another
   * request arriving meanwhile. Runs again for every publish until replaced.
   */
  public void beforePublish(Runnable action) {
    this.beforePublish = action;
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }

  public List<Published> published() {
    return published;
  }
}
