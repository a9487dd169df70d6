package dev.keyturn.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --query}: a small subset of JMESPath (the language of {@code aws --query}), enough to pick
 * fields out of keyturn's JSON. Supported: {@code a.b} (fields), {@code [0]} / {@code [-1]} (an
 * item), {@code []} (flatten) and {@code [*]} (every item; the rest of the expression applies to
 * each), {@code [?path=='value']} / {@code [?path!=`true`]} (filter), {@code {name: a, due: b.c}}
 * (pick fields into a new object), and {@code @} (the current value). Nothing else: no functions,
 * pipes, slices or comparisons beyond == and !=.
 */
public final class Query {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One step of a path. */
  private sealed interface Step {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  /** {@code []}, {@code [*]} or a filter: the remaining steps apply to each item. */
  private record Project(boolean flatten, List<Step> filter, boolean equal, JsonNode literal)
      implements Step {}

  private record Pick(Map<String, List<Step>> fields) implements Step {}

  private final String text;
  private final List<Step> steps;

  private Query(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * @throws QuerySyntaxException naming the position of the first thing it cannot read
   */
  public static Query parse(String expression) {
    Parser p = new Parser(expression);
    List<Step> steps = p.path();
    if (!p.atEnd()) {
      throw p.error("unexpected '" + p.rest() + "'");
    }
    return new Query(expression, steps);
  }

  /** What the query selects from {@code value} (a record, map, list or JSON tree). */
  public JsonNode apply(Object value) {
    JsonNode root = value instanceof JsonNode n ? n : Json.MAPPER.valueToTree(value);
    JsonNode result = eval(steps, 0, steps.size(), root);
    return result == null ? NODES.nullNode() : result;
  }

  /** Applies {@code steps[from, to)} to {@code node}; null when a step finds nothing. */
  private static JsonNode eval(List<Step> steps, int from, int to, JsonNode node) {
    JsonNode current = node;
    for (int i = from; i < to; i++) {
      if (current == null || current.isNull()) {
        return null;
      }
      switch (steps.get(i)) {
        case Field f -> current = current.isObject() ? current.get(f.name()) : null;
        case Index x -> {
          if (!current.isArray()) {
            return null;
          }
          int at = x.index() < 0 ? current.size() + x.index() : x.index();
          current = current.get(at);
        }
        case Pick pick -> {
          ObjectNode picked = NODES.objectNode();
          for (var e : pick.fields().entrySet()) {
            JsonNode v = eval(e.getValue(), 0, e.getValue().size(), current);
            picked.set(e.getKey(), v == null ? NODES.nullNode() : v);
          }
          current = picked;
        }
        case Project p -> {
          return project(steps, i + 1, to, current, p);
        }
      }
    }
    return current;
  }

  /**
   * The steps after a projection apply to each item, up to the next {@code []}, which then flattens
   * what they produced (as JMESPath's {@code a[].b[]} does).
   */
  private static JsonNode project(List<Step> steps, int rest, int to, JsonNode node, Project p) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (p.flatten() && item.isArray()) {
          item.forEach(items::add);
        } else {
          items.add(item);
        }
      }
    } else if (node.isObject() && !p.flatten() && p.filter() == null) {
      node.forEach(items::add); // [*] over an object's values, as JMESPath's * does
    } else {
      return null;
    }
    int stop = rest;
    while (stop < to && !(steps.get(stop) instanceof Project next && next.flatten())) {
      stop++;
    }
    ArrayNode out = NODES.arrayNode();
    for (JsonNode item : items) {
      if (p.filter() != null) {
        JsonNode v = eval(p.filter(), 0, p.filter().size(), item);
        boolean same = p.literal().equals(v == null ? NODES.nullNode() : v);
        if (same != p.equal()) {
          continue;
        }
      }
      JsonNode r = eval(steps, rest, stop, item);
      if (r != null && !r.isNull()) {
        out.add(r);
      }
    }
    return stop < to ? eval(steps, stop, to, out) : out;
  }

  @Override
  public String toString() {
    return text;
  }

  /** The query cannot be read. */
  public static final class QuerySyntaxException extends RuntimeException {
    QuerySyntaxException(String message) {
      super(message);
    }
  }

  /** Recursive descent over the expression text. */
  private static final class Parser {
    private final String s;
    private int at;

    Parser(String s) {
      this.s = s;
    }

    List<Step> path() {
      List<Step> steps = new ArrayList<>();
      skipBlanks();
      if (peek('@')) {
        at++;
      } else if (peek('[')) {
        steps.add(bracket());
      } else if (peek('{')) {
        steps.add(pick());
      } else {
        steps.add(new Field(identifier()));
      }
      while (true) {
        skipBlanks();
        if (peek('.')) {
          at++;
          skipBlanks();
          steps.add(peek('{') ? pick() : peek('*') ? star() : new Field(identifier()));
        } else if (peek('[')) {
          steps.add(bracket());
        } else {
          return steps;
        }
      }
    }

    private Step star() {
      at++;
      return new Project(false, null, true, null);
    }

    private Step bracket() {
      at++; // [
      skipBlanks();
      Step step;
      if (peek(']')) {
        step = new Project(true, null, true, null);
      } else if (peek('*')) {
        at++;
        step = new Project(false, null, true, null);
      } else if (peek('?')) {
        at++;
        List<Step> left = path();
        skipBlanks();
        boolean equal;
        if (s.startsWith("==", at)) {
          equal = true;
        } else if (s.startsWith("!=", at)) {
          equal = false;
        } else {
          throw error("expected == or !=");
        }
        at += 2;
        skipBlanks();
        step = new Project(false, left, equal, literal());
      } else {
        int start = at;
        if (peek('-')) {
          at++;
        }
        while (at < s.length() && Character.isDigit(s.charAt(at))) {
          at++;
        }
        if (start == at || (at - start == 1 && s.charAt(start) == '-')) {
          throw error("expected [], [*], [N] or [?...]");
        }
        step = new Index(Integer.parseInt(s.substring(start, at)));
      }
      skipBlanks();
      expect(']');
      return step;
    }

    private Step pick() {
      at++; // {
      Map<String, List<Step>> fields = new LinkedHashMap<>();
      do {
        skipBlanks();
        String key = identifier();
        skipBlanks();
        expect(':');
        fields.put(key, path());
        skipBlanks();
      } while (peek(',') && at++ >= 0);
      expect('}');
      return new Pick(fields);
    }

    private JsonNode literal() {
      if (peek('\'')) {
        int end = s.indexOf('\'', at + 1);
        if (end < 0) {
          throw error("unclosed '");
        }
        String raw = s.substring(at + 1, end);
        at = end + 1;
        return NODES.textNode(raw);
      }
      if (peek('`')) {
        int end = s.indexOf('`', at + 1);
        if (end < 0) {
          throw error("unclosed `");
        }
        String json = s.substring(at + 1, end);
        at = end + 1;
        try {
          return Json.tree(json);
        } catch (Json.JsonException e) {
          throw error("not a JSON literal: `" + json + "`");
        }
      }
      throw error("expected a literal: 'text' or `json`");
    }

    private String identifier() {
      if (peek('"')) {
        int end = s.indexOf('"', at + 1);
        if (end < 0) {
          throw error("unclosed \"");
        }
        String name = s.substring(at + 1, end);
        at = end + 1;
        return name;
      }
      int start = at;
      while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
        at++;
      }
      if (start == at) {
        throw error("expected a field name");
      }
      return s.substring(start, at);
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private boolean peek(char c) {
      return at < s.length() && s.charAt(at) == c;
    }

    private void skipBlanks() {
      while (at < s.length() && s.charAt(at) == ' ') {
        at++;
      }
    }

    boolean atEnd() {
      skipBlanks();
      return at >= s.length();
    }

    String rest() {
      return s.substring(at);
    }

    QuerySyntaxException error(String what) {
      return new QuerySyntaxException("--query '" + s + "': " + what + " at position " + (at + 1));
    }
  }
}
