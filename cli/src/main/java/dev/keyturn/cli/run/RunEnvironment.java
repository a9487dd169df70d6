package dev.keyturn.cli.run;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environment variables {@code keyturn run} gives the command: each entry of the environment
 * under the names its sinks use (Heroku config var, dotenv variable), or under the entry's name
 * when it has no sink. Values are read in one batched pass and only ever handed to the child.
 */
final class RunEnvironment {

  /** Variable name to the entry it comes from. */
  private final Map<String, SecretEntry> names;

  private RunEnvironment(Map<String, SecretEntry> names) {
    this.names = names;
  }

  /**
   * @throws RunConflictException when two entries claim one variable name
   */
  static RunEnvironment of(List<SecretEntry> entries, String environment) {
    Map<String, SecretEntry> names = new TreeMap<>();
    Set<String> conflicts = new TreeSet<>();
    for (SecretEntry e : entries) {
      if (!e.environments().contains(environment)) {
        continue;
      }
      for (String var : varNames(e)) {
        SecretEntry other = names.putIfAbsent(var, e);
        if (other != null && !other.name().equals(e.name())) {
          conflicts.add(var + " (" + other.name() + ", " + e.name() + ")");
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new RunConflictException(environment, conflicts);
    }
    return new RunEnvironment(names);
  }

  private static Set<String> varNames(SecretEntry e) {
    Set<String> vars = new LinkedHashSet<>();
    for (Sink s : e.sinks()) {
      vars.add(s.var());
    }
    if (vars.isEmpty()) {
      vars.add(e.name());
    }
    return vars;
  }

  /** Variable names with the entry each comes from, sorted by variable. */
  Map<String, String> names() {
    Map<String, String> out = new LinkedHashMap<>();
    names.forEach((var, e) -> out.put(var, e.name()));
    return out;
  }

  /**
   * Reads every value (one batched pass).
   *
   * @throws RunSourceMissingException naming the entries whose source has no current value
   */
  Map<String, String> resolve(SecretSource secrets) {
    List<Source> sources = names.values().stream().map(SecretEntry::source).distinct().toList();
    Map<Source, SecretValue> values = sources.isEmpty() ? Map.of() : secrets.current(sources);
    Map<String, String> env = new LinkedHashMap<>();
    Set<String> missing = new TreeSet<>();
    names.forEach((var, e) -> {
      SecretValue v = values.get(e.source());
      if (v == null || v.value() == null) {
        missing.add(e.name());
      } else {
        env.put(var, v.value());
      }
    });
    if (!missing.isEmpty()) {
      throw new RunSourceMissingException(new ArrayList<>(missing));
    }
    return env;
  }
}
