package dev.keyturn.sync.github;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.sync.sink.Applied;
import dev.keyturn.sync.sink.ConsumerAction;
import dev.keyturn.sync.sink.RemoteVar;
import dev.keyturn.sync.sink.SinkCallException;
import dev.keyturn.sync.sink.SinkDeferredException;
import dev.keyturn.sync.sink.SinkPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions secrets of a repository ({@code github:owner/repo}) or of one of its environments
 * ({@code github:owner/repo@production}). GitHub never returns values: reading lists names and
 * {@code updated_at} (one call per 100 secrets); applying fetches the public key once, then sends
 * one PUT per changed secret (sealed box with {@code key_id}) and one DELETE per renamed one. A
 * budget that runs out part way defers the target naming what was written; nothing is skipped
 * silently. Workflows read the new value from their next run.
 */
public final class GithubSinkPort implements SinkPort {

  /** Calls a target needs before its first write: list and public key. */
  static final int CALLS_TO_START = 2;

  private final GithubApi api;

  public GithubSinkPort(GithubApi api) {
    this.api = api;
  }

  @Override
  public String kind() {
    return SinkKey.GITHUB;
  }

  @Override
  public boolean readsValues() {
    return false;
  }

  @Override
  public ConsumerAction consumerAction() {
    return ConsumerAction.NEXT_WORKFLOW_RUN;
  }

  @Override
  public Map<String, RemoteVar> read(String name) {
    GithubTarget target = GithubTarget.parse(name);
    try {
      api.ensureBudget(CALLS_TO_START);
      Map<String, RemoteVar> out = new LinkedHashMap<>();
      api.secrets(target).forEach((secret, updated) -> out.put(secret, RemoteVar.present(updated)));
      return out;
    } catch (GithubRateLimitedException e) {
      throw new SinkDeferredException(e.reason(), List.of());
    } catch (GithubCallException e) {
      throw new SinkCallException(e.reason());
    }
  }

  @Override
  public Applied apply(String name, Map<String, String> changes, boolean releaseNow) {
    GithubTarget target = GithubTarget.parse(name);
    List<String> written = new ArrayList<>();
    try {
      GithubApi.PublicKey key = null;
      for (Map.Entry<String, String> change : changes.entrySet()) {
        String secret = change.getKey().toUpperCase(Locale.ROOT);
        api.ensureBudget(1);
        if (change.getValue() == null) {
          api.delete(target, secret);
        } else {
          key = key == null ? api.publicKey(target) : key;
          if (!api.put(target, secret, change.getValue(), key)) {
            // GitHub rotated the key since it was read: read it again, once
            key = api.publicKey(target);
            if (!api.put(target, secret, change.getValue(), key)) {
              throw new GithubCallException(422, "PUT", target.secretsPath(), "key_id refused");
            }
          }
        }
        written.add(change.getKey());
      }
      return Applied.of(written);
    } catch (GithubRateLimitedException e) {
      throw new SinkDeferredException(e.reason(), written);
    } catch (GithubCallException e) {
      throw new SinkCallException(e.reason(), written);
    } catch (SinkCallException e) {
      throw e.after(written);
    }
  }
}
