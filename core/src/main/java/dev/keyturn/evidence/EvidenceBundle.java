package dev.keyturn.evidence;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.inventory.lint.LintReport;
import java.util.List;

/**
 * Everything a bundle holds before it is written: the file names are fixed here.
 *
 * @param inventoryJson the applied inventory as stored (names and metadata, no values)
 */
public record EvidenceBundle(
    EvidenceSummary summary,
    List<MatrixRow> matrix,
    List<AuditEvent> audit,
    LintReport lint,
    String inventoryJson,
    List<SinkRow> sinks,
    List<TemplateIam.FunctionPolicy> iam) {

  public static final String SUMMARY = "summary.json";
  public static final String MATRIX = "matrix.json";
  public static final String AUDIT = "audit.json";
  public static final String LINT = "lint.json";
  public static final String INVENTORY = "inventory.json";
  public static final String SINKS = "sinks.json";
  public static final String IAM = "iam.json";
  public static final String REPORT = "report.html";
}
