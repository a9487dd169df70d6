package dev.keyturn.cli.sync;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.cli.common.CallWatch;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.HerokuOptions;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.observability.Metrics;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LeaseStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.SyncSettings;
import dev.keyturn.sync.digest.PublishedDigests;
import dev.keyturn.sync.dotenv.DotenvSinkPort;
import dev.keyturn.sync.sink.SinkPort;
import dev.keyturn.sync.sink.SinkPorts;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import io.micronaut.context.BeanLocator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One plan or sync from the CLI: the sync function's own service over the chosen kinds of sinks
 * (the function's adapters for Heroku, GitHub and Cloudflare, plus the {@code .env} adapter), in
 * one pass. The operator waits, so a Heroku app's release is read right after its PATCH.
 */
final class SyncRun {

  /** What happened, with the report split by kind for printing and {@code --json}. */
  record Result(SyncReport report, Set<String> kinds) {

    /** What could not be done, target by target (a Heroku app with the API it called). */
    String failures(URI herokuApi) {
      List<String> parts = new ArrayList<>();
      for (AppResult a : report.incomplete()) {
        boolean heroku = a.kind().equals(SinkKey.HEROKU);
        parts.add(
            (heroku ? "app " + a.app() + " at " + herokuApi : a.kind() + " " + a.app())
                + ": "
                + a.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (a.reason() == null ? "" : " (" + a.reason() + ")"));
      }
      return String.join("; ", parts);
    }

    boolean complete() {
      return report.incomplete().isEmpty();
    }

    List<AppResult> of(String kind) {
      return report.apps().stream().filter(a -> a.kind().equals(kind)).toList();
    }

    /** {@code {"heroku": {trigger, dryRun, apps}, "github": {...}, ...}}: one entry per kind. */
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String kind : kinds) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("trigger", report.trigger());
        part.put("dryRun", report.dryRun());
        part.put("apps", of(kind).stream().map(AppResult::toMap).toList());
        m.put(kind, part);
      }
      return m;
    }
  }

  private SyncRun() {}

  static Result run(
      CliContext context, SyncScope scope, SinkChoice sinks, boolean dryRun, PrintWriter progress) {
    scope.validate();
    sinks.validate(scope);
    InventoryStore inventory = context.bean(InventoryStore.class);
    Set<String> kinds = present(inventory.secrets(), scope, sinks.kinds());
    if (kinds.contains(SinkKey.HEROKU)) {
      HerokuOptions.requireToken(context);
    }
    kinds.forEach(kind -> TargetOptions.require(context, kind));
    Scope chosen = scope.scope(inventory);
    progress.printf("keyturn: %s %s...%n", dryRun ? "planning" : "syncing", scope.describe());
    progress.flush();
    SyncService service = service(context.beans(), sinks.kinds(), sinks.baseDir);
    SyncReport report;
    try (CallWatch.Handle waiting = watch(context, kinds)) {
      report =
          service.sync(new SyncRequest(chosen, dryRun, dryRun ? "cli-plan" : "cli", false, true));
    }
    return new Result(report, sinks.kinds());
  }

  /** The chosen kinds the scope has sinks of (only those need credentials). */
  private static Set<String> present(
      List<SecretEntry> entries, SyncScope scope, Set<String> chosen) {
    Set<String> present = new TreeSet<>();
    if (scope.app != null) {
      present.add(SinkKey.kind(scope.app));
    }
    for (SecretEntry e : entries) {
      if (scope.app != null || (scope.secret != null && !scope.secret.equals(e.name()))) {
        continue;
      }
      e.sinks().stream().map(Sink::kind).forEach(present::add);
    }
    present.retainAll(chosen);
    return present;
  }

  /**
   * The sync function's service with the adapters of these kinds: the function's own beans for
   * Heroku, GitHub and Cloudflare, and a {@code .env} adapter rooted at {@code baseDir}.
   */
  static SyncService service(BeanLocator beans, Set<String> kinds, Path baseDir) {
    SinkPorts lambda = beans.getBean(SinkPorts.class);
    List<SinkPort> ports = new ArrayList<>();
    for (String kind : kinds) {
      if (kind.equals(SinkKey.DOTENV)) {
        ports.add(new DotenvSinkPort(baseDir));
      } else {
        lambda.port(kind).ifPresent(ports::add);
      }
    }
    return new SyncService(
        beans.getBean(InventoryStore.class),
        beans.getBean(SecretSource.class),
        new SinkPorts(ports),
        beans.getBean(PublishedDigests.class),
        beans.getBean(SyncStateStore.class),
        beans.getBean(LeaseStore.class),
        beans.getBean(AuditLog.class),
        beans.getBean(Clock.class),
        beans.getBean(SyncSettings.class),
        Metrics.NONE);
  }

  /** What a terminal is told the run waits for, after a while: the Heroku API when it is used. */
  private static CallWatch.Handle watch(CliContext context, Set<String> kinds) {
    return kinds.contains(SinkKey.HEROKU)
        ? CallWatch.waitingFor("the Heroku API", herokuApi(context))
        : () -> {};
  }

  /** The Heroku API root the sync service calls (the functions' own setting). */
  static URI herokuApi(CliContext context) {
    return URI.create(context.property("heroku.api-url").orElse("https://api.heroku.com"));
  }
}
