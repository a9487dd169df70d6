package dev.keyturn.rotate.sender.heroku;

import dev.keyturn.heroku.AppWebhook;
import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuApiException;
import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.rotate.sender.SenderHook;
import dev.keyturn.rotate.sender.SenderPushException;
import dev.keyturn.rotate.sender.WebhookSender;
import java.util.function.Supplier;

/**
 * Heroku app webhooks over core's {@link HerokuApi} (token: {@code HEROKU_API_TOKEN_SECRET}): one
 * {@code PATCH /apps/{app}/webhooks/{id}} with {@code secret} per push, retried on 5xx and timeouts
 * because setting the same secret again changes nothing. Heroku never returns the secret.
 */
public final class HerokuAppWebhookSender implements WebhookSender {

  private final HerokuApi heroku;

  public HerokuAppWebhookSender(HerokuApi heroku) {
    this.heroku = heroku;
  }

  @Override
  public String kind() {
    return SenderBinding.HEROKU;
  }

  @Override
  public void push(SenderBinding binding, String secret) {
    SenderBinding.Heroku h = (SenderBinding.Heroku) binding;
    call(binding, () -> heroku.updateAppWebhookSecret(h.app(), h.webhookId(), secret));
  }

  @Override
  public SenderHook describe(SenderBinding binding) {
    SenderBinding.Heroku h = (SenderBinding.Heroku) binding;
    AppWebhook w = call(binding, () -> heroku.appWebhook(h.app(), h.webhookId()));
    return new SenderHook(binding.target(), w.url(), w.updatedAt());
  }

  private static <T> T call(SenderBinding binding, Supplier<T> call) {
    try {
      return call.get();
    } catch (HerokuApiException e) {
      String answer =
          e.status() == HerokuApiException.NO_RESPONSE ? "no response" : "HTTP " + e.status();
      throw new SenderPushException(binding.target(), "heroku " + answer + " " + e.id());
    } catch (IllegalArgumentException badIdentity) {
      throw new SenderPushException(binding.target(), "not a Heroku app or webhook id");
    }
  }
}
