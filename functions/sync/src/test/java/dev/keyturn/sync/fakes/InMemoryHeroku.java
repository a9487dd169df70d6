package dev.keyturn.sync.fakes;

import dev.keyturn.heroku.Release;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.sync.heroku.HerokuSinkPort;
import dev.keyturn.sync.sink.Applied;
import dev.keyturn.sync.sink.ConsumerAction;
import dev.keyturn.sync.sink.RemoteVar;
import dev.keyturn.sync.sink.SinkDeferredException;
import dev.keyturn.sync.sink.SinkPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Heroku apps in memory behind the sink port: a PATCH merges, null deletes, one release each; the
 * release is read back (one more call) only when asked to. Counts calls against a budget.
 */
public final class InMemoryHeroku implements SinkPort {

  private final Map<String, Map<String, String>> apps = new ConcurrentHashMap<>();
  private final Map<String, List<Release>> releases = new ConcurrentHashMap<>();
  public final List<String> patchedApps = new ArrayList<>();
  public final List<String> readApps = new ArrayList<>();
  public int calls;
  private int budget = Integer.MAX_VALUE;

  public synchronized Map<String, String> vars(String app) {
    return Map.copyOf(apps.getOrDefault(app, Map.of()));
  }

  public synchronized void set(String app, String key, String value) {
    apps.computeIfAbsent(app, a -> new LinkedHashMap<>()).put(key, value);
  }

  /** Requests left before the budget counts as low. */
  public synchronized void budget(int requests) {
    budget = requests;
  }

  public synchronized List<Release> releases(String app) {
    return List.copyOf(releases.getOrDefault(app, List.of()));
  }

  @Override
  public String kind() {
    return SinkKey.HEROKU;
  }

  @Override
  public boolean readsValues() {
    return true;
  }

  @Override
  public ConsumerAction consumerAction() {
    return ConsumerAction.RESTART;
  }

  @Override
  public synchronized Map<String, RemoteVar> read(String app) {
    if (budget < HerokuSinkPort.CALLS_PER_APP) {
      throw new SinkDeferredException("rate_limit_low:" + budget, List.of());
    }
    spend();
    readApps.add(app);
    Map<String, RemoteVar> out = new LinkedHashMap<>();
    vars(app).forEach((k, v) -> out.put(k, RemoteVar.of(v)));
    return out;
  }

  @Override
  public synchronized Applied apply(String app, Map<String, String> changes, boolean releaseNow) {
    spend();
    Map<String, String> vars = apps.computeIfAbsent(app, a -> new LinkedHashMap<>());
    changes.forEach((k, v) -> {
      if (v == null) {
        vars.remove(k);
      } else {
        vars.put(k, v);
      }
    });
    patchedApps.add(app);
    List<Release> list = releases.computeIfAbsent(app, a -> new ArrayList<>());
    list.add(new Release(UUID.randomUUID().toString(), list.size() + 1));
    if (!releaseNow) {
      return Applied.of(List.copyOf(changes.keySet()));
    }
    spend();
    Release r = list.getLast();
    return new Applied(List.copyOf(changes.keySet()), r.id(), r.version());
  }

  private void spend() {
    calls++;
    budget -= 1;
  }
}
