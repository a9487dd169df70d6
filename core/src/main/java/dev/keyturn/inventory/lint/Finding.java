package dev.keyturn.inventory.lint;

/**
 * One lint finding.
 *
 * @param entry the entry name (or webhook source, or file path for structural problems)
 * @param rule the rule id, e.g. {@code tags}
 * @param severity error or warning
 * @param message what is wrong
 * @param fix how to fix it
 * @param location where in the file ({@link Linter} fills it in); null for an inventory that did
 *     not come from a file
 */
public record Finding(
    String entry, String rule, Severity severity, String message, String fix, Location location) {

  public Finding(String entry, String rule, Severity severity, String message, String fix) {
    this(entry, rule, severity, message, fix, null);
  }

  static Finding error(String entry, String rule, String message, String fix) {
    return new Finding(entry, rule, Severity.ERROR, message, fix);
  }

  static Finding warning(String entry, String rule, String message, String fix) {
    return new Finding(entry, rule, Severity.WARNING, message, fix);
  }

  Finding at(Location where) {
    return new Finding(entry, rule, severity, message, fix, where);
  }
}
