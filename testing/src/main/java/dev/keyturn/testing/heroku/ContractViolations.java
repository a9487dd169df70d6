package dev.keyturn.testing.heroku;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Contract violations noticed so far; the test decides when they fail it. */
final class ContractViolations {

  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();

  void record(ContractViolation violation) {
    violations.add(violation);
  }

  List<ContractViolation> all() {
    return List.copyOf(violations);
  }

  void clear() {
    violations.clear();
  }

  /** Throws an AssertionError listing every violation; no-op when there are none. */
  void assertNone() {
    List<ContractViolation> snapshot = all();
    if (!snapshot.isEmpty()) {
      throw new AssertionError(
          "Heroku contract violations ("
              + snapshot.size()
              + "):\n"
              + snapshot.stream()
                  .map(violation -> "  - " + violation)
                  .collect(Collectors.joining("\n")));
    }
  }
}
