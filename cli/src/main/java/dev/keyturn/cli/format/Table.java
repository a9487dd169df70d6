package dev.keyturn.cli.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns padded to their widest cell, two spaces apart; optionally fitted to a
 * width by eliding the middle of long cells ({@link #fit}).
 */
public final class Table {

  /** What an elided cell shows in place of its middle. */
  static final String ELLIPSIS = "…";

  private final List<String> headers;

  /** Rows, and notes (a line of its own under a row, outside the columns: a one-item list). */
  private final List<List<String>> rows = new ArrayList<>();

  private final java.util.Set<List<String>> notes =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private int maxWidth = Integer.MAX_VALUE;
  private List<Elision> elisions = List.of();

  /**
   * A column that may be narrowed to fit, and how far.
   *
   * @param column its index
   * @param minWidth never narrower than this (nor than its header)
   */
  public record Elision(int column, int minWidth) {}

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; missing cells print empty, null cells print {@code -}. */
  public Table row(String... cells) {
    if (cells.length > headers.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String cell = i < cells.length ? cells[i] : "";
      row.add(cell == null ? "-" : cell);
    }
    rows.add(row);
    return this;
  }

  /**
   * Keeps every line within {@code maxWidth} columns by eliding the middle of long cells: the
   * columns in {@code elisions}, in that order, each down to its minimum; other columns are never
   * cut. A column may appear twice (a gentle minimum first, a harsher one later).
   */
  public Table fit(int maxWidth, List<Elision> elisions) {
    this.maxWidth = maxWidth;
    this.elisions = List.copyOf(elisions);
    return this;
  }

  /**
   * A line of its own under the last row, printed as written (elided to the table's width): it
   * takes no part in the column widths.
   */
  public Table note(String text) {
    List<String> note = List.of(text);
    notes.add(note);
    rows.add(note);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void print(PrintWriter out) {
    print(out, "");
  }

  /** Prints every line after {@code indent}. */
  public void print(PrintWriter out, String indent) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        if (!notes.contains(row)) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
    }
    shrink(widths, maxWidth - indent.length());
    line(out, indent, headers, widths);
    for (List<String> row : rows) {
      if (notes.contains(row)) {
        int room = maxWidth - indent.length();
        out.println(indent + elide(row.getFirst(), room));
      } else {
        line(out, indent, row, widths);
      }
    }
    out.flush();
  }

  /** Narrows the elidable columns in order until the line fits (or none can give more). */
  private void shrink(int[] widths, int max) {
    for (Elision e : elisions) {
      int floor = Math.max(e.minWidth(), headers.get(e.column()).length());
      int excess = total(widths) - max;
      if (excess <= 0) {
        return;
      }
      widths[e.column()] =
          Math.max(floor, Math.min(widths[e.column()], widths[e.column()] - excess));
    }
  }

  private static int total(int[] widths) {
    int sum = 2 * (widths.length - 1);
    for (int w : widths) {
      sum += w;
    }
    return sum;
  }

  /** {@code heroku raxx-…-prod FOO}: the start and the end kept, the middle elided. */
  static String elide(String cell, int width) {
    if (cell.length() <= width) {
      return cell;
    }
    int keep = width - ELLIPSIS.length();
    int head = (keep + 1) / 2;
    return cell.substring(0, head) + ELLIPSIS + cell.substring(cell.length() - (keep - head));
  }

  private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append("  ");
      }
      String cell = elide(cells.get(i), widths[i]);
      b.append(cell);
      if (i < cells.size() - 1) {
        b.append(" ".repeat(widths[i] - cell.length()));
      }
    }
    out.println(b.toString().stripTrailing());
  }
}
