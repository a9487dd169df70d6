package dev.keyturn.cli.sync;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.sync.dotenv.DotenvResult;
import dev.keyturn.sync.dotenv.DotenvSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes (or plans) the inventory's dotenv sinks: one batched read of every source, then each
 * {@code .env} file rewritten atomically, keeping the lines keyturn does not manage. Prints key
 * names only. {@code keyturn sync --dotenv} and the demo both use it.
 */
public final class DotenvStep {

  private DotenvStep() {}

  /**
   * @param entries the entries whose dotenv sinks to write (others are ignored)
   * @param baseDir where the sinks' relative paths start; no sink may point outside it
   * @param dryRun true to only report which keys would change
   */
  public static List<DotenvResult> run(
      SecretSource secrets, List<SecretEntry> entries, Path baseDir, boolean dryRun) {
    return new DotenvSync(secrets, baseDir).sync(entries, dryRun);
  }

  /** Whether any file was left unwritten because a source was missing. */
  public static boolean failed(List<DotenvResult> results) {
    return results.stream().anyMatch(r -> r.failure() != null);
  }

  /** One line per file: what changed (or would), by key name. */
  public static void print(List<DotenvResult> results, boolean dryRun, PrintWriter out) {
    if (results.isEmpty()) {
      out.println("dotenv: no dotenv sinks in scope");
    }
    for (DotenvResult r : results) {
      if (r.failure() != null) {
        out.printf("dotenv %s: not written: %s%n", r.file(), r.failure());
      } else if (r.changed().isEmpty()) {
        out.printf("dotenv %s: unchanged (%d keys)%n", r.file(), r.unchanged().size());
      } else {
        out.printf(
            "dotenv %s: %s %s; %d unchanged%n",
            r.file(),
            dryRun ? "would set" : "set",
            String.join(", ", r.changed()),
            r.unchanged().size());
      }
    }
    out.flush();
  }

  /** The results as plain data for {@code --json}. */
  public static List<Map<String, Object>> toMaps(List<DotenvResult> results) {
    return results.stream()
        .map(r -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("file", r.file().toString());
          m.put("changed", r.changed());
          m.put("unchanged", r.unchanged());
          if (r.failure() != null) {
            m.put("failure", r.failure());
          }
          return m;
        })
        .toList();
  }
}
