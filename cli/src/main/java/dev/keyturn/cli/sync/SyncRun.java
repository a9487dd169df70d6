package dev.keyturn.cli.sync;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.cli.common.Entries;
import dev.keyturn.cli.common.HerokuOptions;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.SyncService;
import dev.keyturn.sync.dotenv.DotenvResult;
import dev.keyturn.sync.trigger.SyncRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One plan or sync from the CLI: Heroku through the sync function's service, then dotenv. */
final class SyncRun {

  /**
   * What happened.
   *
   * @param heroku the Heroku report, or null when Heroku was skipped
   * @param dotenv the dotenv results, or null when dotenv was not asked for
   * @param modes every entry's rotation mode, by name ({@code generated}, {@code vendor}, ...)
   */
  record Result(SyncReport heroku, List<DotenvResult> dotenv, Map<String, String> modes) {

    boolean complete() {
      return (heroku == null || heroku.incomplete().isEmpty())
          && (dotenv == null || !DotenvStep.failed(dotenv));
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (heroku != null) {
        m.put("heroku", heroku.toMap());
      }
      if (dotenv != null) {
        m.put("dotenv", DotenvStep.toMaps(dotenv));
      }
      m.put("modes", modes);
      return m;
    }
  }

  private SyncRun() {}

  static Result run(
      CliContext context, SyncScope scope, SinkChoice sinks, boolean dryRun, PrintWriter progress) {
    scope.validate();
    sinks.validate(scope);
    InventoryStore inventory = context.bean(InventoryStore.class);
    SyncReport heroku = null;
    if (sinks.heroku) {
      HerokuOptions.requireToken(context);
      var request = new SyncRequest(scope.scope(inventory), dryRun, trigger(dryRun), false);
      progress.printf("keyturn: %s %s...%n", dryRun ? "planning" : "syncing", scope.describe());
      progress.flush();
      heroku = context.bean(SyncService.class).sync(request);
    }
    List<DotenvResult> dotenv = null;
    if (sinks.dotenv) {
      progress.printf(
          "keyturn: %s dotenv sinks under %s...%n",
          dryRun ? "planning" : "writing", sinks.baseDir.toAbsolutePath().normalize());
      progress.flush();
      dotenv =
          DotenvStep.run(
              context.bean(SecretSource.class),
              Entries.selected(inventory, scope.secret),
              sinks.baseDir,
              dryRun);
    }
    Map<String, String> modes = new java.util.TreeMap<>();
    inventory.secrets().forEach(e -> modes.put(e.name(), e.mode().label()));
    return new Result(heroku, dotenv, modes);
  }

  private static String trigger(boolean dryRun) {
    return dryRun ? "cli-plan" : "cli";
  }
}
