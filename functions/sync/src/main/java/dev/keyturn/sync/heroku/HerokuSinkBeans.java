package dev.keyturn.sync.heroku;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.sync.ConfigSink;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Binds the {@link ConfigSink} port to Heroku. Wired here, next to the adapter, so the port's
 * package never refers to its adapters.
 */
@Factory
public class HerokuSinkBeans {

  @Singleton
  public ConfigSink herokuConfigSink(HerokuApi api) {
    return new HerokuConfigSink(api);
  }
}
