package dev.keyturn.sync;

import dev.keyturn.secrets.SecretReads;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.sync.plan.Binding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A target's source values, by {@link Binding#valueKey()}, and what kept any from being read: a
 * source the batch read answered an error for is reported by name and the service's reason ({@code
 * source_unreadable:NAME(AccessDeniedException)}), one that does not exist as missing. Either
 * leaves the target untouched.
 *
 * @param values the values read, by value key
 * @param unreadable {@code NAME(reason)} of each source that exists but could not be read
 * @param missing value keys of sources that do not exist or have no value
 */
record BoundValues(Map<String, SecretValue> values, Set<String> unreadable, Set<String> missing) {

  static BoundValues of(List<Binding> bindings, SecretReads reads) {
    Map<String, SecretValue> values = new HashMap<>();
    Set<String> unreadable = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    for (Binding b : bindings) {
      String failure = b.source() == null ? null : reads.failures().get(b.source());
      SecretValue v = b.source() == null ? null : reads.values().get(b.source());
      if (failure != null) {
        unreadable.add(b.valueKey() + "(" + failure + ")");
      } else if (v == null || v.value() == null) {
        missing.add(b.valueKey());
      } else {
        values.put(b.valueKey(), v);
      }
    }
    return new BoundValues(values, unreadable, missing);
  }

  /** Why the target cannot be synced, or null when every value was read. */
  String failure() {
    if (!unreadable.isEmpty()) {
      return "source_unreadable:" + String.join(",", unreadable);
    }
    if (!missing.isEmpty()) {
      return "source_missing:" + String.join(",", missing);
    }
    return null;
  }
}
