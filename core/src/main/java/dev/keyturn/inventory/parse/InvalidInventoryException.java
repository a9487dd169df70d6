package dev.keyturn.inventory.parse;

import java.util.List;
import java.util.stream.Collectors;

/** The inventory file cannot be used: unreadable, not YAML, or structurally wrong. */
public class InvalidInventoryException extends RuntimeException {

  private final String origin;
  private final List<SchemaProblem> problems;

  public InvalidInventoryException(String origin, List<SchemaProblem> problems) {
    super(
        "invalid inventory "
            + origin
            + ": "
            + problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("; ")));
    this.origin = origin;
    this.problems = List.copyOf(problems);
  }

  public String origin() {
    return origin;
  }

  public List<SchemaProblem> problems() {
    return problems;
  }
}
