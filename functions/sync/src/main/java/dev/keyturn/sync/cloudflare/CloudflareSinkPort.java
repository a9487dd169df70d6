package dev.keyturn.sync.cloudflare;

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
import java.util.Map;

/**
 * Cloudflare Workers secrets of one script ({@code cloudflare:<account>/<script>}). Cloudflare
 * returns names only, with no time of change: keyturn compares keyed digests of what it published,
 * and drift shows only as a deleted secret. Applying sends one PUT per changed secret and one
 * DELETE per renamed one; each deploys a new version of the Worker.
 */
public final class CloudflareSinkPort implements SinkPort {

  private final CloudflareApi api;

  public CloudflareSinkPort(CloudflareApi api) {
    this.api = api;
  }

  @Override
  public String kind() {
    return SinkKey.CLOUDFLARE;
  }

  @Override
  public boolean readsValues() {
    return false;
  }

  @Override
  public ConsumerAction consumerAction() {
    return ConsumerAction.NEW_VERSION;
  }

  @Override
  public Map<String, RemoteVar> read(String name) {
    String[] target = split(name);
    Map<String, RemoteVar> out = new LinkedHashMap<>();
    api.secretNames(target[0], target[1]).forEach(n -> out.put(n, RemoteVar.present(null)));
    return out;
  }

  @Override
  public Applied apply(String name, Map<String, String> changes, boolean releaseNow) {
    String[] target = split(name);
    List<String> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> change : changes.entrySet()) {
        if (change.getValue() == null) {
          api.delete(target[0], target[1], change.getKey());
        } else {
          api.put(target[0], target[1], change.getKey(), change.getValue());
        }
        written.add(change.getKey());
      }
      return Applied.of(written);
    } catch (SinkDeferredException e) {
      throw new SinkDeferredException(e.reason(), written);
    } catch (SinkCallException e) {
      throw e.after(written);
    }
  }

  /** {@code <account>/<script>}: account ids hold no slash. */
  private static String[] split(String name) {
    int slash = name.indexOf('/');
    return new String[] {name.substring(0, slash), name.substring(slash + 1)};
  }
}
