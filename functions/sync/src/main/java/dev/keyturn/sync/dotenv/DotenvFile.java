package dev.keyturn.sync.dotenv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file as lines: assignments keyturn may replace, and everything else (comments,
 * blank lines, other keys, lines it does not understand) kept exactly as written. A double-quoted
 * value may span lines.
 */
public final class DotenvFile {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\\s*=\\s*)(.*)$");

  /** One logical line: {@code key} is null for anything that is not an assignment. */
  private record Line(String text, String prefix, String key) {}

  private final List<Line> lines;

  private DotenvFile(List<Line> lines) {
    this.lines = lines;
  }

  public static DotenvFile parse(String content) {
    List<Line> out = new ArrayList<>();
    if (content.isEmpty()) {
      return new DotenvFile(out);
    }
    String[] physical = content.split("\n", -1);
    int end = content.endsWith("\n") ? physical.length - 1 : physical.length;
    for (int i = 0; i < end; i++) {
      Matcher m = ASSIGNMENT.matcher(physical[i]);
      if (!m.matches()) {
        out.add(new Line(physical[i], null, null));
        continue;
      }
      StringBuilder text = new StringBuilder(physical[i]);
      StringBuilder value = new StringBuilder(m.group(4).stripLeading());
      // a double-quoted value continues until its closing quote
      while (value.toString().startsWith("\"")
          && DotenvValues.closingQuote(value.toString()) < 0
          && i + 1 < end) {
        i++;
        text.append('\n').append(physical[i]);
        value.append('\n').append(physical[i]);
      }
      out.add(new Line(text.toString(), m.group(1), m.group(2)));
    }
    return new DotenvFile(out);
  }

  /** The value of a key (its last assignment wins, as in dotenv readers). */
  public Optional<String> value(String key) {
    String found = null;
    for (Line l : lines) {
      if (key.equals(l.key())) {
        Matcher m = ASSIGNMENT.matcher(l.text().split("\n", 2)[0]);
        if (m.matches()) {
          found = DotenvValues.unquote(l.text().substring(m.start(4)));
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The file with these keys set: an existing assignment is rewritten in place (keeping an {@code
   * export} prefix), a new key is appended. Every other line is kept as it was.
   */
  public DotenvFile with(Map<String, String> values) {
    Map<String, String> pending = new LinkedHashMap<>(values);
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.key() != null && values.containsKey(l.key())) {
        String prefix = l.prefix();
        out.add(assignment(prefix, l.key(), values.get(l.key())));
        pending.remove(l.key());
      } else {
        out.add(l);
      }
    }
    pending.forEach((k, v) -> out.add(assignment("", k, v)));
    return new DotenvFile(out);
  }

  private static Line assignment(String prefix, String key, String value) {
    return new Line(prefix + key + "=" + DotenvValues.quote(value), prefix, key);
  }

  /** Every key the file assigns, with its value (the last assignment wins). */
  public Map<String, String> values() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Line l : lines) {
      if (l.key() != null && !out.containsKey(l.key())) {
        value(l.key()).ifPresent(v -> out.put(l.key(), v));
      }
    }
    return out;
  }

  /** The file without any assignment of these keys; every other line kept as it was. */
  public DotenvFile without(java.util.Collection<String> keys) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.key() == null || !keys.contains(l.key())) {
        out.add(l);
      }
    }
    return new DotenvFile(out);
  }

  /** Keys whose value differs from (or is missing in) this file. */
  public List<String> differing(Map<String, String> values) {
    return values.entrySet().stream()
        .filter(e -> !Objects.equals(value(e.getKey()).orElse(null), e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    for (Line l : lines) {
      out.append(l.text()).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "DotenvFile[" + lines.size() + " lines]";
  }
}
