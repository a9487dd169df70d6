package dev.keyturn.sync.heroku;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.sync.sink.SinkPort;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Binds Heroku's {@link SinkPort}. Wired here, next to the adapter, so the sync package never
 * refers to its adapters.
 */
@Factory
public class HerokuSinkBeans {

  @Singleton
  @Named("heroku")
  public SinkPort herokuSink(HerokuApi api) {
    return new HerokuSinkPort(api);
  }
}
