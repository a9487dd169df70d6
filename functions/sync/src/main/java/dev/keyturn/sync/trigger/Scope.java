package dev.keyturn.sync.trigger;

import java.util.Set;

/** Which sinks a sync covers. */
public sealed interface Scope {

  /** Every sink of the inventory (the scheduled drift repair). */
  record AllSinks() implements Scope {}

  /**
   * Every managed var of one target, by key: a Heroku app's name, or {@code <kind>:<name>} ({@code
   * github:owner/repo@production}, {@code cloudflare:<account>/<script>}).
   */
  record App(String app) implements Scope {}

  /**
   * The sinks of the entries whose source is one of these (SM names or ARNs, SSM paths); an id that
   * is no source but an inventory entry name stands for that entry.
   */
  record Sources(Set<String> sourceIds) implements Scope {
    public Sources {
      sourceIds = Set.copyOf(sourceIds);
    }
  }

  /** The sinks of these inventory entries (a name that is no entry is tried as a source id). */
  record Secrets(Set<String> names) implements Scope {
    public Secrets {
      names = Set.copyOf(names);
    }
  }

  /** The event asks for nothing (e.g. a value staged AWSPENDING, not made current). */
  record Nothing(String reason) implements Scope {}
}
