package dev.keyturn.evidence;

import static dev.keyturn.evidence.Html.day;
import static dev.keyturn.evidence.Html.esc;
import static dev.keyturn.evidence.Html.second;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditKind;
import dev.keyturn.inventory.lint.Finding;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page for people (no external asset: its content security
 * policy allows nothing from outside). The summary at the top, the rotation-age chart, the matrix,
 * the sinks, the audit table with filters (inline script), lint findings and the IAM summary.
 * Names, dates and ids only: the bundle holds no value to show.
 */
final class EvidenceReport {

  private EvidenceReport() {}

  static String html(EvidenceBundle b) {
    EvidenceSummary s = b.summary();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>keyturn evidence ")
        .append(day(s.since()))
        .append(" to ")
        .append(day(s.generatedAt()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>keyturn evidence</h1>\n<p class=\"meta\">Period ")
        .append(second(s.since()))
        .append(" to ")
        .append(second(s.generatedAt()))
        .append(" &middot; table <code>")
        .append(esc(s.table()))
        .append("</code> &middot; inventory <code>")
        .append(esc(s.inventoryDigest()))
        .append("</code></p>\n");
    summary(h, s);
    h.append("<h2>Rotation age against cadence</h2>\n")
        .append("<p class=\"meta\">Grey bar: the cadence; mark: days since the last rotation")
        .append(" (red: overdue, blue: no cadence, hollow: no date).</p>\n")
        .append(AgeChart.svg(b.matrix()));
    matrix(h, b);
    sinks(h, b);
    audit(h, b);
    lint(h, b);
    iam(h, b);
    h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, EvidenceSummary s) {
    h.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">\n");
    card(h, "entries", "Entries", s.entries());
    card(h, "overdue", "Overdue", s.overdue());
    card(h, "failed-rotations", "Failed rotations", s.failedRotations());
    card(h, "unconfirmed-syncs", "Unconfirmed syncs", s.unconfirmedSyncs());
    card(h, "audit-events", "Audit events", s.auditEvents());
    card(h, "webhook-rejections", "Webhook rejections", s.webhookRejections());
    h.append("</div>\n<h3>Entries by mode</h3><ul id=\"by-mode\">\n");
    new TreeMap<>(s.entriesByMode())
        .forEach((mode, n) ->
            h.append("<li data-mode=\"")
                .append(esc(mode))
                .append("\" data-count=\"")
                .append(n)
                .append("\">")
                .append(esc(mode))
                .append(": <b>")
                .append(n)
                .append("</b></li>\n"));
    h.append("</ul>\n");
    rejections(h, s);
    h.append("</section>\n");
  }

  /** Rejected webhook deliveries per source and reason, and each source's total. */
  private static void rejections(StringBuilder h, EvidenceSummary s) {
    h.append("<h3>Webhook rejections by source</h3>\n");
    if (s.webhookRejectionsBySource().isEmpty()) {
      h.append("<p id=\"rejections-none\">No webhook delivery was rejected.</p>\n");
      return;
    }
    h.append("<table id=\"rejections\"><thead><tr><th>Source</th><th>Reason</th>")
        .append("<th>Rejected</th></tr></thead><tbody>\n");
    s.webhookRejectionsBySource()
        .forEach((source, reasons) -> {
          reasons.forEach((reason, n) -> {
            h.append("<tr data-source=\"")
                .append(esc(source))
                .append("\" data-reason=\"")
                .append(esc(reason))
                .append("\" data-count=\"")
                .append(n)
                .append("\">");
            cells(h, source, reason, n);
            h.append("</tr>\n");
          });
          long total = reasons.values().stream().mapToLong(Long::longValue).sum();
          h.append("<tr class=\"total\" data-source=\"")
              .append(esc(source))
              .append("\" data-total=\"")
              .append(total)
              .append("\"><td>")
              .append(esc(source))
              .append("</td><td>all reasons</td><td><b>")
              .append(total)
              .append("</b></td></tr>\n");
        });
    h.append("</tbody></table>\n");
  }

  private static void card(StringBuilder h, String id, String label, long n) {
    h.append("<div class=\"card\" id=\"count-")
        .append(id)
        .append("\" data-count=\"")
        .append(n)
        .append("\"><span class=\"n\">")
        .append(n)
        .append("</span><span class=\"l\">")
        .append(label)
        .append("</span></div>\n");
  }

  private static void matrix(StringBuilder h, EvidenceBundle b) {
    h.append("<h2>Rotation matrix</h2>\n<table id=\"matrix\"><thead><tr><th>Entry</th>")
        .append("<th>Mode</th><th>Cadence</th><th>Last rotation</th><th>Next due</th>")
        .append("<th>Overdue</th><th>Stage</th></tr></thead><tbody>\n");
    for (MatrixRow r : b.matrix()) {
      h.append("<tr data-entry=\"")
          .append(esc(r.name()))
          .append("\"")
          .append(r.overdue() ? " class=\"overdue\"" : "")
          .append(">");
      cells(
          h,
          r.name(),
          r.mode(),
          r.cadence(),
          day(r.lastRotated()) + (r.lastRotatedBy() == null ? "" : " (" + r.lastRotatedBy() + ")"),
          day(r.nextDue()),
          r.overdue() ? "yes" : "no",
          r.stage());
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void sinks(StringBuilder h, EvidenceBundle b) {
    h.append("<h2>Sinks</h2>\n<table id=\"sinks\"><thead><tr><th>Entry</th><th>Target</th>")
        .append("<th>Var</th><th>Published version</th><th>Synced</th><th>Release</th>")
        .append("<th>Confirmation</th></tr></thead><tbody>\n");
    for (SinkRow r : b.sinks()) {
      h.append("<tr data-confirmation=\"").append(esc(r.confirmation())).append("\">");
      cells(
          h,
          r.entry(),
          r.target(),
          r.var(),
          r.publishedVersion() == null ? "-" : r.publishedVersion(),
          second(r.syncedAt()),
          r.releaseVersion() == null ? "-" : "v" + r.releaseVersion(),
          r.confirmation() + (r.confirmedAt() == null ? "" : " " + second(r.confirmedAt())));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void audit(StringBuilder h, EvidenceBundle b) {
    h.append("<h2>Audit trail</h2>\n<div id=\"filters\">")
        .append("<label>Kind <select id=\"filter-kind\"><option value=\"\">all</option>");
    for (AuditKind k : AuditKind.values()) {
      h.append("<option>").append(k.label()).append("</option>");
    }
    h.append("</select></label> <label>Entry <input id=\"filter-entry\"></label>")
        .append(" <label>Actor <select id=\"filter-actor\"><option value=\"\">all</option>");
    b.audit().stream()
        .map(AuditEvent::actor)
        .distinct()
        .sorted()
        .forEach(a -> h.append("<option>").append(esc(a)).append("</option>"));
    h.append("</select></label> <span id=\"audit-shown\">")
        .append(b.audit().size())
        .append("</span> of ")
        .append(b.audit().size())
        .append(" events</div>\n<table id=\"audit\"><thead><tr><th>At</th><th>Kind</th>")
        .append("<th>Actor</th><th>Action</th><th>Subject</th><th>Outcome</th><th>Detail</th>")
        .append("</tr></thead><tbody>\n");
    for (AuditEvent e : b.audit()) {
      String kind = AuditKind.of(e.action()).label();
      h.append("<tr data-kind=\"")
          .append(kind)
          .append("\" data-entry=\"")
          .append(esc(e.subject()))
          .append("\" data-actor=\"")
          .append(esc(e.actor()))
          .append("\">");
      cells(
          h,
          second(e.at()),
          kind,
          e.actor(),
          e.action(),
          e.subject(),
          e.outcome(),
          new TreeMap<>(e.detail())
              .entrySet().stream()
                  .map(d -> d.getKey() + "=" + d.getValue())
                  .collect(Collectors.joining(" ")));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void lint(StringBuilder h, EvidenceBundle b) {
    h.append("<h2>Lint</h2>\n<p id=\"lint\">")
        .append(b.summary().lintErrors())
        .append(" errors, ")
        .append(b.summary().lintWarnings())
        .append(" warnings</p>\n<ul>");
    for (Finding f : b.lint().findings()) {
      h.append("<li>")
          .append(esc(f.severity()))
          .append(" ")
          .append(esc(f.entry()))
          .append(" [")
          .append(esc(f.rule()))
          .append("] ")
          .append(esc(f.message()))
          .append("</li>");
    }
    h.append("</ul>\n");
  }

  private static void iam(StringBuilder h, EvidenceBundle b) {
    h.append("<h2>IAM of the functions (template)</h2>\n");
    if (b.iam().isEmpty()) {
      h.append("<p>No template was given.</p>\n");
      return;
    }
    h.append("<table id=\"iam\"><thead><tr><th>Function</th><th>Effect</th><th>Actions</th>")
        .append("<th>Resources</th></tr></thead><tbody>\n");
    for (TemplateIam.FunctionPolicy f : b.iam()) {
      for (TemplateIam.Statement st : f.statements()) {
        h.append("<tr>");
        cells(
            h,
            f.function(),
            st.effect(),
            String.join(", ", st.actions()),
            String.join(", ", st.resources()));
        h.append("</tr>\n");
      }
    }
    h.append("</tbody></table>\n");
  }

  private static void cells(StringBuilder h, Object... values) {
    for (Object v : values) {
      h.append("<td>").append(esc(v)).append("</td>");
    }
  }

  private static final String STYLE =
      "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}"
          + "h1{margin:0 0 4px}.meta{color:#666}code{font-size:12px}"
          + ".cards{display:flex;gap:12px;flex-wrap:wrap}"
          + ".card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:120px}"
          + ".card .n{display:block;font-size:26px;font-weight:600}.card .l{color:#555}"
          + "#count-overdue .n,#count-failed-rotations .n{color:#c62828}"
          + "table{border-collapse:collapse;margin:8px 0 20px;font-size:12px}"
          + "th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;"
          + "max-width:420px;overflow-wrap:anywhere}th{background:#f4f4f4}"
          + "tr.overdue td{background:#fdecea}#filters{margin:8px 0}";

  private static final String SCRIPT =
      "(function(){var k=document.getElementById('filter-kind'),"
          + "e=document.getElementById('filter-entry'),a=document.getElementById('filter-actor'),"
          + "n=document.getElementById('audit-shown');"
          + "function apply(){var shown=0;"
          + "document.querySelectorAll('#audit tbody tr').forEach(function(r){"
          + "var ok=(!k.value||r.dataset.kind===k.value)"
          + "&&(!e.value||r.dataset.entry===e.value)"
          + "&&(!a.value||r.dataset.actor===a.value);"
          + "r.hidden=!ok;if(ok)shown++;});n.textContent=shown;}"
          + "[k,e,a].forEach(function(x){x.addEventListener('input',apply);"
          + "x.addEventListener('change',apply);});apply();})();";
}
