package dev.keyturn.rotate.sender;

import dev.keyturn.inventory.SenderBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A sender of one kind that keeps what it was given and can fail on request. */
final class RecordingSender implements WebhookSender {

  /** One push: the binding and the value (compared, never printed). */
  record Pushed(SenderBinding binding, String value) {
    @Override
    public String toString() {
      return "Pushed[" + binding.target() + "]";
    }
  }

  private final String kind;
  private final List<Pushed> pushed = new ArrayList<>();
  private int failuresLeft;
  private Consumer<SenderBinding> onPush = b -> {};

  RecordingSender(String kind) {
    this.kind = kind;
  }

  synchronized void failNext(int times) {
    failuresLeft = times;
  }

  /** Runs at every push before it is counted (to look at the world at that moment). */
  synchronized void onPush(Consumer<SenderBinding> check) {
    this.onPush = check;
  }

  synchronized List<Pushed> pushed() {
    return List.copyOf(pushed);
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public synchronized void push(SenderBinding binding, String secret) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new SenderPushException(binding.target(), kind + " HTTP 503 service_unavailable");
    }
    onPush.accept(binding);
    pushed.add(new Pushed(binding, secret));
  }

  @Override
  public SenderHook describe(SenderBinding binding) {
    return new SenderHook(binding.target(), "https://hooks.example/" + kind, null);
  }
}
