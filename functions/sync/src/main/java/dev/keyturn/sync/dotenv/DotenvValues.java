package dev.keyturn.sync.dotenv;

/**
 * How values are written and read. Written values are always double-quoted, with {@code \\ \" \$ \n
 * \r \t} escaped, which dotenv readers (and a POSIX shell, for every value without a newline) read
 * back as the same string. Read values may also be single-quoted (literal) or unquoted (a trailing
 * {@code # comment} is not part of the value).
 */
final class DotenvValues {

  private DotenvValues() {}

  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '$' -> out.append("\\$");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * The value of the text after {@code KEY=} (which may span lines for a quoted value).
   *
   * @return the value, or null when a quote is never closed
   */
  static String unquote(String raw) {
    String text = raw.stripLeading();
    if (text.startsWith("\"")) {
      return doubleQuoted(text);
    }
    if (text.startsWith("'")) {
      int end = text.indexOf('\'', 1);
      return end < 0 ? null : text.substring(1, end);
    }
    int comment = text.indexOf(" #");
    return (comment < 0 ? text : text.substring(0, comment)).strip();
  }

  /** The index just past the closing double quote, or -1 when it is not in {@code text}. */
  static int closingQuote(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  private static String doubleQuoted(String text) {
    int end = closingQuote(text);
    if (end < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < end - 1; i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= end - 1) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '\\', '"', '$', '\'' -> out.append(next);
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }
}
