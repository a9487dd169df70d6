package dev.keyturn.cli.run;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SecretFields;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The environment variables {@code keyturn run} gives the command: each entry of the environment
 * under the names its sinks use (Heroku config var, GitHub or Cloudflare secret, dotenv variable),
 * or under the entry's name when it has no sink. Env-specific entries give the environment's own
 * value; account-wide entries ({@code scope: account}, taxonomy rule 2) give prod's in every
 * environment but dev (rule 3: dev only has vendor sandbox analogs). Values are read in one batched
 * pass and only ever handed to the child.
 */
final class RunEnvironment {

  static final String DEV = "dev";

  /**
   * Where one variable's value comes from: an entry, the source for the environment, and the JSON
   * field its sink names (or null).
   */
  private record Origin(SecretEntry entry, Source source, String field) {}

  /** Variable name to where its value comes from. */
  private final Map<String, Origin> names;

  private RunEnvironment(Map<String, Origin> names) {
    this.names = names;
  }

  /**
   * @throws RunConflictException when two entries claim one variable name
   */
  static RunEnvironment of(List<SecretEntry> entries, String environment) {
    return of(entries, environment, null);
  }

  /**
   * @param consumer only entries tagged with this consumer (seed 001: each process receives only
   *     the secrets it needs); null for every entry of the environment
   * @throws RunConflictException when two entries claim one variable name
   */
  static RunEnvironment of(List<SecretEntry> entries, String environment, String consumer) {
    Map<String, Origin> names = new TreeMap<>();
    Set<String> conflicts = new TreeSet<>();
    for (SecretEntry e : entries) {
      if (!serves(e, environment) || !(consumer == null || consumes(e, consumer))) {
        continue;
      }
      Source source = e.sourceFor(environment);
      varNames(e, environment)
          .forEach((var, field) -> {
            Origin other = names.putIfAbsent(var, new Origin(e, source, field));
            if (other != null && !other.entry().name().equals(e.name())) {
              conflicts.add(var + " (" + other.entry().name() + ", " + e.name() + ")");
            }
          });
    }
    if (!conflicts.isEmpty()) {
      throw new RunConflictException(environment, conflicts);
    }
    return new RunEnvironment(names);
  }

  /** Listed in the environment, or account-wide (read from prod) in any environment but dev. */
  private static boolean serves(SecretEntry e, String environment) {
    return e.environments().contains(environment) || (e.accountWide() && !DEV.equals(environment));
  }

  private static boolean consumes(SecretEntry e, String consumer) {
    return e.tags().all(TagDimension.CONSUMER).contains(consumer);
  }

  /**
   * Each variable name the entry's sinks for this environment use (sinks without {@code env} serve
   * every environment), with the JSON field it gets (null: all).
   */
  private static Map<String, String> varNames(SecretEntry e, String environment) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (Sink s : e.sinks()) {
      if (s.env() == null || s.env().equals(environment)) {
        vars.putIfAbsent(s.var(), s.field());
      }
    }
    if (vars.isEmpty()) {
      vars.put(e.name(), null);
    }
    return vars;
  }

  /** Variable names with the entry each comes from, sorted by variable. */
  Map<String, String> names() {
    Map<String, String> out = new LinkedHashMap<>();
    names.forEach((var, origin) -> out.put(var, origin.entry().name()));
    return out;
  }

  /**
   * Reads every value (one batched pass).
   *
   * @throws RunSourceMissingException naming the entries whose source has no current value
   */
  Map<String, String> resolve(SecretSource secrets) {
    List<Source> sources =
        names.values().stream().map(Origin::source).filter(Objects::nonNull).distinct().toList();
    Map<Source, SecretValue> values = sources.isEmpty() ? Map.of() : secrets.current(sources);
    Map<String, String> env = new LinkedHashMap<>();
    Set<String> missing = new TreeSet<>();
    names.forEach((var, origin) -> {
      SecretEntry e = origin.entry();
      SecretValue v = origin.source() == null ? null : values.get(origin.source());
      if (v == null || v.value() == null) {
        missing.add(e.name());
      } else {
        try {
          env.put(var, SecretFields.select(e.name(), v.value(), origin.field()));
        } catch (SecretFields.SecretFieldMissingException notThere) {
          missing.add(e.name() + "." + origin.field());
        }
      }
    });
    if (!missing.isEmpty()) {
      throw new RunSourceMissingException(new ArrayList<>(missing));
    }
    return env;
  }
}
