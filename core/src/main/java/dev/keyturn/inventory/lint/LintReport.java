package dev.keyturn.inventory.lint;

import java.util.List;

/** All findings of one lint run, errors first. */
public record LintReport(List<Finding> findings) {

  public LintReport {
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
