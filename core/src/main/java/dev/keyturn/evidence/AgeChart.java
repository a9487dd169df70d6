package dev.keyturn.evidence;

import static dev.keyturn.evidence.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * The rotation-age-vs-cadence chart as inline SVG: one row per entry, a grey bar as long as its
 * cadence and one mark at its age (days since the last rotation); red when overdue, hollow without
 * a date, blue for entries that do not rotate on a clock.
 */
final class AgeChart {

  static final int ROW = 22;
  static final int LABEL = 230;
  static final int PLOT = 560;

  private AgeChart() {}

  static String svg(List<MatrixRow> rows) {
    long max = 30;
    for (MatrixRow r : rows) {
      max = Math.max(max, r.cadenceDays() == null ? 0 : r.cadenceDays());
      max = Math.max(max, r.ageDays() == null ? 0 : r.ageDays());
    }
    int height = 40 + ROW * rows.size();
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"age-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" role=\"img\" aria-label=\"rotation age against cadence\">\n",
            LABEL + PLOT + 60,
            height));
    for (int i = 0; i < rows.size(); i++) {
      svg.append(row(rows.get(i), 20 + i * ROW, max));
    }
    int axis = 20 + ROW * rows.size() + 4;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 d</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d d</text>\n",
            LABEL,
            axis,
            LABEL + PLOT,
            axis,
            LABEL,
            axis + 13,
            LABEL + PLOT,
            axis + 13,
            max));
    return svg.append("</svg>\n").toString();
  }

  private static String row(MatrixRow r, int y, long max) {
    StringBuilder g = new StringBuilder();
    g.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
            LABEL - 8,
            y + 4,
            esc(r.name())));
    if (r.cadenceDays() != null) {
      g.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"cadence\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\""
                  + " fill=\"#d9d9d9\"><title>cadence %s</title></rect>",
              LABEL,
              y - 4,
              scale(r.cadenceDays(), max),
              esc(r.cadence())));
    }
    String colour = r.overdue() ? "#c62828" : r.cadenceDays() == null ? "#1565c0" : "#2e7d32";
    long age = r.ageDays() == null ? 0 : r.ageDays();
    g.append(
        String.format(
            Locale.ROOT,
            "<circle class=\"mark\" data-entry=\"%s\" data-age=\"%s\" data-overdue=\"%s\""
                + " cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\">"
                + "<title>%s: %s, cadence %s</title></circle>\n",
            esc(r.name()),
            r.ageDays() == null ? "" : r.ageDays(),
            r.overdue(),
            LABEL + scale(age, max),
            y,
            r.ageDays() == null ? "white" : colour,
            colour,
            esc(r.name()),
            r.ageDays() == null ? "no rotation date" : r.ageDays() + " days since rotation",
            esc(r.cadence())));
    return g.toString();
  }

  private static double scale(long days, long max) {
    return Math.min(PLOT, (double) PLOT * days / max);
  }
}
