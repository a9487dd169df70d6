package dev.keyturn.sync.dotenv;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.sync.sink.Applied;
import dev.keyturn.sync.sink.ConsumerAction;
import dev.keyturn.sync.sink.RemoteVar;
import dev.keyturn.sync.sink.SinkCallException;
import dev.keyturn.sync.sink.SinkPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local {@code .env} files, for development (the CLI registers this adapter; the Lambda never
 * does): a target is a file path relative to the base directory. Reading parses the file; applying
 * rewrites it atomically (temp file, fsync, rename), keeping every line keyturn does not manage.
 * New files are {@code rw-------}. A sink may not point outside the base directory.
 */
public final class DotenvSinkPort implements SinkPort {

  private final Path baseDir;

  /**
   * @param baseDir where the inventory's relative {@code file} paths start
   */
  public DotenvSinkPort(Path baseDir) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  @Override
  public String kind() {
    return SinkKey.DOTENV;
  }

  @Override
  public boolean readsValues() {
    return true;
  }

  @Override
  public ConsumerAction consumerAction() {
    return ConsumerAction.RESTART_PROCESS;
  }

  @Override
  public Map<String, RemoteVar> read(String file) {
    Map<String, RemoteVar> out = new LinkedHashMap<>();
    parse(resolve(file)).values().forEach((k, v) -> out.put(k, RemoteVar.of(v)));
    return out;
  }

  @Override
  public Applied apply(String file, Map<String, String> changes, boolean releaseNow) {
    Path path = resolve(file);
    Map<String, String> sets = new LinkedHashMap<>();
    List<String> deletes = new ArrayList<>();
    changes.forEach((k, v) -> {
      if (v == null) {
        deletes.add(k);
      } else {
        sets.put(k, v);
      }
    });
    try {
      AtomicFiles.write(path, parse(path).with(sets).without(deletes).render());
    } catch (UncheckedIOException e) {
      throw new SinkCallException("dotenv:write_failed");
    }
    return Applied.of(new ArrayList<>(changes.keySet()));
  }

  /** The file's path; a sink may not point outside the base directory. */
  public Path resolve(String file) {
    Path p = baseDir.resolve(file).normalize();
    if (!p.startsWith(baseDir)) {
      throw new SinkCallException("dotenv:outside_base_dir");
    }
    return p;
  }

  private static DotenvFile parse(Path file) {
    try {
      return DotenvFile.parse(
          Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
    } catch (IOException e) {
      throw new SinkCallException("dotenv:read_failed");
    }
  }
}
