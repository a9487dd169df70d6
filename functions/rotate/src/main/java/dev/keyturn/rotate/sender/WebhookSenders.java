package dev.keyturn.rotate.sender;

import dev.keyturn.inventory.SenderBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sender adapters by kind. A new kind of sender is one more adapter in this list. */
public final class WebhookSenders {

  private final Map<String, WebhookSender> byKind = new LinkedHashMap<>();

  public WebhookSenders(List<WebhookSender> senders) {
    senders.forEach(s -> byKind.put(s.kind(), s));
  }

  /**
   * @throws UnknownSenderKindException when no adapter serves the binding's kind
   */
  public WebhookSender forBinding(SenderBinding binding) {
    WebhookSender sender = byKind.get(binding.kind());
    if (sender == null) {
      throw new UnknownSenderKindException(binding.kind());
    }
    return sender;
  }
}
