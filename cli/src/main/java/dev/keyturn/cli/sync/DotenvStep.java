package dev.keyturn.cli.sync;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.sync.AppResult;
import dev.keyturn.sync.SyncReport;
import dev.keyturn.sync.trigger.Scope;
import dev.keyturn.sync.trigger.SyncRequest;
import io.micronaut.context.BeanLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes (or plans) the inventory's dotenv sinks through the sync function's own service and the
 * {@code .env} adapter: the same planning, rename migration, state and audit as every other target.
 * The demo uses it.
 */
public final class DotenvStep {

  private DotenvStep() {}

  /**
   * @param beans the application context (inventory, sources, state)
   * @param baseDir where the sinks' relative paths start; no sink may point outside it
   * @param dryRun true to only report which keys would change
   * @return one result per {@code .env} file
   */
  public static List<AppResult> run(BeanLocator beans, Path baseDir, boolean dryRun) {
    SyncReport report =
        SyncRun.service(beans, Set.of(SinkKey.DOTENV), baseDir)
            .sync(new SyncRequest(new Scope.AllSinks(), dryRun, "demo", false));
    return report.apps();
  }

  /** Whether any file was left unwritten. */
  public static boolean failed(List<AppResult> results) {
    return results.stream()
        .anyMatch(r -> r.reason() != null && !"no_managed_vars".equals(r.reason()));
  }
}
