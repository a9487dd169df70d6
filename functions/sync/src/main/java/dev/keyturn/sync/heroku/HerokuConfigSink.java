package dev.keyturn.sync.heroku;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.Release;
import dev.keyturn.sync.ConfigSink;
import java.util.Map;
import java.util.Optional;

/** Heroku config vars as a {@link ConfigSink}, over the core Heroku Platform API client. */
public final class HerokuConfigSink implements ConfigSink {

  private final HerokuApi api;

  public HerokuConfigSink(HerokuApi api) {
    this.api = api;
  }

  /** Refuses to start an app whose whole sync (read, PATCH, release) the budget cannot cover. */
  @Override
  public Map<String, String> read(String app) {
    api.ensureBudget(CALLS_PER_APP);
    return api.configVars(app);
  }

  @Override
  public void apply(String app, Map<String, String> changes) {
    api.patchConfigVars(app, changes);
  }

  @Override
  public Optional<Release> latestRelease(String app) {
    return api.latestRelease(app);
  }
}
