package dev.keyturn.inventory.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each key and list item of the file starts, by the path {@link SchemaProblem} uses ({@code
 * secrets[2].sinks[0].heroku.app}), and where each entry is (by the name lint findings carry).
 */
public final class Positions {

  private final Map<String, Position> byPath = new HashMap<>();
  private final Map<String, List<String>> entryPaths = new HashMap<>();

  void put(String path, Position position) {
    byPath.putIfAbsent(path, position);
  }

  /** Records that the entry a finding calls {@code name} is at {@code path}. */
  void entry(String name, String path) {
    if (name != null) {
      entryPaths.computeIfAbsent(name, n -> new ArrayList<>()).add(path);
    }
  }

  /** The position of {@code path}, else of its nearest enclosing key or item that has one. */
  public Optional<Position> locate(String path) {
    String p = path == null ? "" : path;
    while (!p.isEmpty()) {
      Position found = byPath.get(p);
      if (found != null) {
        return Optional.of(found);
      }
      p = parent(p);
    }
    return Optional.ofNullable(byPath.get(""));
  }

  /**
   * The path of an entry by its name: a secret's name or {@code webhook <source>}.
   *
   * @param last the last entry of that name (a duplicate) rather than the first
   */
  public Optional<String> entryPath(String name, boolean last) {
    List<String> paths = entryPaths.get(name);
    if (paths == null || paths.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(last ? paths.getLast() : paths.getFirst());
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
