package dev.keyturn.rotate.database;

import dev.keyturn.connection.Engine;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The engine implementations by the engine they speak to. */
public final class DatabaseEngines {

  private final Map<Engine, DatabaseEngine> byEngine = new EnumMap<>(Engine.class);
  private final List<DatabaseEngine> all;

  public DatabaseEngines(Collection<? extends DatabaseEngine> engines) {
    this.all = List.copyOf(engines);
    for (DatabaseEngine engine : engines) {
      for (Engine e : engine.engines()) {
        if (byEngine.putIfAbsent(e, engine) != null) {
          throw new IllegalArgumentException("two implementations for engine " + e);
        }
      }
    }
  }

  /**
   * @throws IllegalStateException when no implementation speaks to {@code engine}
   */
  public DatabaseEngine forEngine(Engine engine) {
    DatabaseEngine found = byEngine.get(engine);
    if (found == null) {
      throw new IllegalStateException("no implementation for engine " + engine);
    }
    return found;
  }

  /** Every implementation, in registration order. */
  public List<DatabaseEngine> all() {
    return all;
  }
}
