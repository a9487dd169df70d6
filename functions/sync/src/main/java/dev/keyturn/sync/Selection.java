package dev.keyturn.sync;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SinkKey;
import dev.keyturn.inventory.Source;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.sync.plan.Binding;
import dev.keyturn.sync.trigger.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The bindings a scope covers, by target key (sorted, so leases are always taken in one order), and
 * every var each target has bound (to know what is still managed). Only kinds with an adapter are
 * selected: the Lambda publishes to Heroku, GitHub and Cloudflare, the CLI can add {@code .env}.
 */
record Selection(
    Map<String, List<Binding>> inScope,
    Map<String, List<Binding>> allByApp,
    List<String> unknownSources) {

  static Selection of(InventoryStore inventory, Scope scope, Set<String> kinds) {
    List<SecretEntry> entries = inventory.secrets();
    Map<String, List<Binding>> all = new TreeMap<>();
    for (SecretEntry e : entries) {
      for (Binding b : Binding.of(e)) {
        if (kinds.contains(b.kind())) {
          all.computeIfAbsent(b.app(), a -> new ArrayList<>()).add(b);
        }
      }
    }
    List<String> unknown = new ArrayList<>();
    Set<String> names = secretNames(inventory, scope, unknown);
    Map<String, List<Binding>> selected = new TreeMap<>();
    all.forEach((app, bindings) -> {
      List<Binding> chosen =
          bindings.stream().filter(b -> covers(scope, names, b)).distinct().toList();
      if (!chosen.isEmpty()) {
        selected.put(app, chosen);
      }
    });
    if (scope instanceof Scope.App(String app)
        && !selected.containsKey(app)
        && kinds.contains(SinkKey.kind(app))) {
      selected.put(app, List.of());
    }
    return new Selection(selected, all, unknown);
  }

  private static Set<String> secretNames(
      InventoryStore inventory, Scope scope, List<String> unknown) {
    Set<String> ids =
        switch (scope) {
          case Scope.Secrets(Set<String> names) -> names;
          case Scope.Sources(Set<String> sourceIds) -> sourceIds;
          default -> Set.of();
        };
    Set<String> names = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (String id : new TreeSet<>(ids)) {
      inventory
          .secret(id)
          .or(() -> inventory.secretBySourceId(id))
          .ifPresentOrElse(e -> names.add(e.name()), () -> unmatched.add(id));
    }
    // one secret named several ways (name, ARN) is known if any of them matched
    if (names.isEmpty()) {
      unknown.addAll(unmatched);
    }
    return names;
  }

  private static boolean covers(Scope scope, Set<String> names, Binding b) {
    return switch (scope) {
      case Scope.AllSinks all -> true;
      case Scope.App(String app) -> app.equals(b.app());
      case Scope.Secrets s -> names.contains(b.secretName());
      case Scope.Sources s -> names.contains(b.secretName());
      case Scope.Nothing n -> false;
    };
  }

  /** Every var bound on the app, in scope or not. */
  Set<String> allVars(String app) {
    return allByApp.getOrDefault(app, List.of()).stream()
        .map(Binding::var)
        .collect(Collectors.toSet());
  }

  /**
   * Vars of the target bound to more than one value (two secrets, or two environments of one):
   * syncing would make them flip.
   */
  Set<String> conflicts(String app) {
    Map<String, Set<String>> secretsByVar = new TreeMap<>();
    for (Binding b : allByApp.getOrDefault(app, List.of())) {
      secretsByVar.computeIfAbsent(b.var(), v -> new TreeSet<>()).add(b.valueKey());
    }
    return secretsByVar.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The distinct sources of everything in scope, for one batched read. */
  Set<Source> sources(Set<String> apps) {
    return inScope.entrySet().stream()
        .filter(e -> apps.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream())
        .map(Binding::source)
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
