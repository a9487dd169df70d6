package dev.keyturn.sync.dotenv;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the inventory's {@code dotenv} sinks for local development: reads every value in one
 * batched pass, then rewrites each file atomically, keeping lines it does not manage. A file with a
 * missing source value is left untouched.
 */
public final class DotenvSync {

  private final SecretSource secrets;
  private final Path baseDir;

  /**
   * @param baseDir the directory the inventory's relative {@code file} paths start from; a sink may
   *     not point outside it
   */
  public DotenvSync(SecretSource secrets, Path baseDir) {
    this.secrets = secrets;
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  private record Target(String secretName, Source source, String field, String format) {}

  public List<DotenvResult> sync(List<SecretEntry> entries, boolean dryRun) {
    Map<Path, Map<String, Target>> files = new TreeMap<>();
    for (SecretEntry e : entries) {
      for (Sink.Dotenv sink : e.dotenvSinks()) {
        files
            .computeIfAbsent(resolve(sink.file()), f -> new LinkedHashMap<>())
            .put(sink.var(), new Target(e.name(), e.source(), sink.field(), sink.format()));
      }
    }
    Set<Source> sources = new LinkedHashSet<>();
    files.values().forEach(m -> m.values().forEach(t -> sources.add(t.source())));
    Map<Source, SecretValue> values = sources.isEmpty() ? Map.of() : secrets.current(sources);
    List<DotenvResult> out = new ArrayList<>();
    files.forEach((file, targets) -> out.add(syncFile(file, targets, values, dryRun)));
    return out;
  }

  private DotenvResult syncFile(
      Path file, Map<String, Target> targets, Map<Source, SecretValue> values, boolean dryRun) {
    Map<String, String> wanted = new TreeMap<>();
    Set<String> missing = new TreeSet<>();
    targets.forEach((var, t) -> {
      SecretValue v = values.get(t.source());
      if (v == null || v.value() == null) {
        missing.add(t.secretName());
      } else {
        try {
          wanted.put(var, SecretFields.select(t.secretName(), v.value(), t.field(), t.format()));
        } catch (SecretFields.SecretFieldMissingException e) {
          missing.add(t.secretName() + "." + e.field());
        }
      }
    });
    if (!missing.isEmpty()) {
      return new DotenvResult(
          file, List.of(), List.of(), "source_missing:" + String.join(",", missing));
    }
    DotenvFile current = DotenvFile.parse(read(file));
    List<String> changed = current.differing(wanted);
    List<String> unchanged = wanted.keySet().stream().filter(k -> !changed.contains(k)).toList();
    if (!dryRun && !changed.isEmpty()) {
      Map<String, String> updates = new LinkedHashMap<>();
      changed.forEach(k -> updates.put(k, wanted.get(k)));
      AtomicFiles.write(file, current.with(updates).render());
    }
    return new DotenvResult(file, changed, unchanged, null);
  }

  private Path resolve(String file) {
    Path p = baseDir.resolve(file).normalize();
    if (!p.startsWith(baseDir)) {
      throw new IllegalArgumentException("dotenv sink points outside " + baseDir + ": " + file);
    }
    return p;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
