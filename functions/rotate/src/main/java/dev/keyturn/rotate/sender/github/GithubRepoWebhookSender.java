package dev.keyturn.rotate.sender.github;

import dev.keyturn.inventory.SenderBinding;
import dev.keyturn.rotate.sender.SenderHook;
import dev.keyturn.rotate.sender.SenderPushException;
import dev.keyturn.rotate.sender.WebhookSender;
import java.util.function.Supplier;

/**
 * GitHub repository webhooks ({@link GithubHooksApi}; token: {@code GITHUB_TOKEN_SECRET}): one
 * {@code PATCH /repos/{owner}/{repo}/hooks/{id}/config} with {@code secret} per push. GitHub shows
 * a set secret as {@code ********}, never its value.
 */
public final class GithubRepoWebhookSender implements WebhookSender {

  private final GithubHooksApi github;

  public GithubRepoWebhookSender(GithubHooksApi github) {
    this.github = github;
  }

  @Override
  public String kind() {
    return SenderBinding.GITHUB;
  }

  @Override
  public void push(SenderBinding binding, String secret) {
    SenderBinding.Github g = (SenderBinding.Github) binding;
    call(
        binding,
        () -> {
          github.updateSecret(g.repo(), g.hookId(), secret);
          return null;
        });
  }

  @Override
  public SenderHook describe(SenderBinding binding) {
    SenderBinding.Github g = (SenderBinding.Github) binding;
    GithubHooksApi.Hook h = call(binding, () -> github.hook(g.repo(), g.hookId()));
    return new SenderHook(binding.target(), h.url(), h.updatedAt());
  }

  private static <T> T call(SenderBinding binding, Supplier<T> call) {
    try {
      return call.get();
    } catch (GithubHookException e) {
      throw new SenderPushException(binding.target(), "github " + e.reason());
    }
  }
}
