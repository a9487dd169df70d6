package dev.keyturn.sync.heroku;

import dev.keyturn.heroku.HerokuApi;
import dev.keyturn.heroku.HerokuApiException;
import dev.keyturn.heroku.RateLimitLowException;
import dev.keyturn.heroku.Release;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heroku config vars, over core's Platform API client: one GET to read an app, one PATCH (one
 * release) to apply every change. The release a PATCH made is read back (a third call) only when
 * someone waits for it; otherwise the {@code api:release} webhook reports it and confirms the vars
 * (release-pending until then). So a changed app costs 2 calls, an unchanged one 1.
 */
public final class HerokuSinkPort implements SinkPort {

  /**
   * Calls one app's sync needs at most (read, PATCH, release read): the budget must cover them
   * before an app starts, so a low budget stops a sync between apps, never between a PATCH and its
   * release read.
   */
  public static final int CALLS_PER_APP = 3;

  private static final Logger LOG = LoggerFactory.getLogger(HerokuSinkPort.class);

  private final HerokuApi api;

  public HerokuSinkPort(HerokuApi api) {
    this.api = api;
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
  public Map<String, RemoteVar> read(String app) {
    try {
      api.ensureBudget(CALLS_PER_APP);
      Map<String, RemoteVar> out = new LinkedHashMap<>();
      api.configVars(app).forEach((k, v) -> out.put(k, RemoteVar.of(v)));
      return out;
    } catch (RateLimitLowException low) {
      throw new SinkDeferredException("rate_limit_low:" + low.remaining(), List.of());
    } catch (HerokuApiException e) {
      throw new SinkCallException(reason(e));
    }
  }

  @Override
  public Applied apply(String app, Map<String, String> changes, boolean releaseNow) {
    try {
      api.patchConfigVars(app, changes);
    } catch (RateLimitLowException low) {
      // 429 to every attempt: Heroku applied nothing
      throw new SinkDeferredException("rate_limit_low:" + low.remaining(), List.of());
    } catch (HerokuApiException e) {
      throw new SinkCallException(reason(e));
    }
    List<String> written = new ArrayList<>(changes.keySet());
    if (!releaseNow) {
      return Applied.of(written);
    }
    Optional<Release> release = latestRelease(app);
    return new Applied(
        written, release.map(Release::id).orElse(null), release.map(Release::version).orElse(null));
  }

  /** The PATCH is done; not knowing its release must not turn it into a failure. */
  private Optional<Release> latestRelease(String app) {
    try {
      return api.latestRelease(app);
    } catch (RuntimeException e) {
      LOG.warn("sync app={} patched, but reading its release failed: {}", app, describe(e));
      return Optional.empty();
    }
  }

  static String reason(HerokuApiException e) {
    return "heroku:" + e.status() + ":" + e.id() + (e.unsettled() ? ":may_have_applied" : "");
  }

  private static String describe(RuntimeException e) {
    return e instanceof HerokuApiException h
        ? "heroku:" + h.status() + ":" + h.id()
        : e.getClass().getSimpleName();
  }
}
