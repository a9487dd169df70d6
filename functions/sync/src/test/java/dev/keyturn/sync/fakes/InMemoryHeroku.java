package dev.keyturn.sync.fakes;

import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.heroku.Release;
import dev.keyturn.sync.ConfigSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A config sink that keeps apps in memory: a PATCH merges, null deletes, one release each. */
public final class InMemoryHeroku implements ConfigSink {

  private final Map<String, Map<String, String>> apps = new ConcurrentHashMap<>();
  private final Map<String, List<Release>> releases = new ConcurrentHashMap<>();
  public final List<String> patchedApps = new ArrayList<>();
  public final List<String> readApps = new ArrayList<>();
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
  public synchronized Map<String, String> read(String app) {
    if (budget < CALLS_PER_APP) {
      throw RateLimitLowException.budgetLow(budget, CALLS_PER_APP);
    }
    budget -= 1;
    readApps.add(app);
    return vars(app);
  }

  @Override
  public synchronized void apply(String app, Map<String, String> changes) {
    budget -= 1;
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
  }

  @Override
  public synchronized Optional<Release> latestRelease(String app) {
    budget -= 1;
    List<Release> list = releases.getOrDefault(app, List.of());
    return list.isEmpty() ? Optional.empty() : Optional.of(list.getLast());
  }
}
