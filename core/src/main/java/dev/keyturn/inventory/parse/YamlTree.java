package dev.keyturn.inventory.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into a Jackson tree while keeping what a tree forgets: where each key and item starts
 * ({@link Positions}), duplicate keys (an error, not "the last one wins"), anchors and aliases
 * (expanded, {@code <<} merge keys included) with a cap on how much aliases may expand, so a
 * billion-laughs document is refused after a few thousand nodes instead of filling the heap.
 *
 * <p>Plain scalars follow the YAML 1.2 core schema ({@code true}/{@code false}, integers, floats,
 * {@code null}/{@code ~}); everything else stays text exactly as written, so {@code no} or {@code
 * 0x1F} are not turned into a boolean or a number behind the writer's back.
 */
final class YamlTree {

  /** SnakeYAML's own limit on aliases of lists and mappings (its default). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** How many nodes aliases may add in all; an inventory needs a few hundred. */
  static final int MAX_EXPANDED_NODES = 10_000;

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * @param root the document, or null when it is empty or unreadable
   * @param problems syntax errors, duplicate keys, recursive or over-expanding aliases
   */
  record Result(JsonNode root, Positions positions, List<SchemaProblem> problems) {}

  private final Positions positions = new Positions();
  private final List<SchemaProblem> problems = new ArrayList<>();
  private final Map<Node, Boolean> converted = new IdentityHashMap<>();
  private final Map<Node, Boolean> converting = new IdentityHashMap<>();
  private int aliasDepth;
  private int expanded;
  private boolean expansionReported;

  private YamlTree() {}

  static Result read(String text) {
    YamlTree tree = new YamlTree();
    Node document;
    try {
      document = new Yaml(loaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      tree.problems.add(syntax(e));
      return new Result(null, tree.positions, tree.problems);
    } catch (YAMLException e) {
      String message = firstLine(e.getMessage());
      tree.problems.add(
          new SchemaProblem(
              "",
              message.startsWith("Number of aliases")
                  ? "more than "
                      + MAX_COLLECTION_ALIASES
                      + " aliases of lists or mappings (refusing a billion-laughs document)"
                  : "not valid YAML: " + message));
      return new Result(null, tree.positions, tree.problems);
    }
    if (document == null) {
      return new Result(null, tree.positions, tree.problems);
    }
    tree.positions.put("", position(document.getStartMark()));
    JsonNode root = tree.convert(document, "");
    return new Result(root, tree.positions, tree.problems);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    return options;
  }

  private static SchemaProblem syntax(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    Position at = mark == null ? null : position(mark);
    return new SchemaProblem("", "not valid YAML: " + firstLine(problem), at);
  }

  private JsonNode convert(Node node, String path) {
    if (converting.containsKey(node)) {
      problems.add(
          new SchemaProblem(path, "an alias refers to itself", position(node.getStartMark())));
      return NODES.nullNode();
    }
    boolean alias = converted.put(node, Boolean.TRUE) != null;
    if (alias) {
      aliasDepth++;
    }
    converting.put(node, Boolean.TRUE);
    try {
      if (aliasDepth > 0 && !countExpansion(path, node)) {
        return NODES.nullNode();
      }
      return switch (node) {
        case MappingNode m -> mapping(m, path);
        case SequenceNode s -> sequence(s, path);
        case ScalarNode s -> scalar(s);
        default -> NODES.nullNode();
      };
    } finally {
      converting.remove(node);
      if (alias) {
        aliasDepth--;
      }
    }
  }

  /** Counts a node an alias adds; false (reported once) past {@link #MAX_EXPANDED_NODES}. */
  private boolean countExpansion(String path, Node node) {
    if (++expanded <= MAX_EXPANDED_NODES) {
      return true;
    }
    if (!expansionReported) {
      expansionReported = true;
      problems.add(
          new SchemaProblem(
              path,
              "aliases expand to more than "
                  + MAX_EXPANDED_NODES
                  + " nodes; an inventory needs far fewer (refusing a billion-laughs document)",
              position(node.getStartMark())));
    }
    return false;
  }

  private JsonNode mapping(MappingNode node, String path) {
    ObjectNode object = NODES.objectNode();
    Map<String, Position> keys = new HashMap<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode instanceof ScalarNode k && Tag.MERGE.equals(k.getTag())) {
        merges.add(tuple.getValueNode());
        continue;
      }
      Position at = position(keyNode.getStartMark());
      if (!(keyNode instanceof ScalarNode key)) {
        problems.add(
            new SchemaProblem(path, "a key must be a plain value, not a list or mapping", at));
        continue;
      }
      String name = key.getValue();
      String child = path.isEmpty() ? name : path + "." + name;
      Position first = keys.putIfAbsent(name, at);
      if (first != null) {
        problems.add(
            new SchemaProblem(
                child, "duplicate key `" + name + "` (first at line " + first.line() + ")", at));
        continue;
      }
      positions.put(child, at);
      object.set(name, convert(tuple.getValueNode(), child));
    }
    for (Node merge : merges) {
      merge(object, merge, path);
    }
    return object;
  }

  /** {@code <<: *anchor} (or a list of them): keys the mapping does not set itself. */
  private void merge(ObjectNode into, Node source, String path) {
    List<Node> sources = source instanceof SequenceNode s ? s.getValue() : List.of(source);
    for (Node s : sources) {
      JsonNode merged = convert(s, path);
      if (!merged.isObject()) {
        problems.add(
            new SchemaProblem(path, "`<<` merges only mappings", position(s.getStartMark())));
        continue;
      }
      merged
          .properties()
          .forEach(e -> {
            if (!into.has(e.getKey())) {
              into.set(e.getKey(), e.getValue());
            }
          });
    }
  }

  private JsonNode sequence(SequenceNode node, String path) {
    ArrayNode array = NODES.arrayNode();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      String child = path + "[" + i + "]";
      positions.put(child, position(items.get(i).getStartMark()));
      array.add(convert(items.get(i), child));
    }
    return array;
  }

  private static JsonNode scalar(ScalarNode node) {
    String value = node.getValue();
    if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return NODES.textNode(value);
    }
    if (NULLS.contains(value)) {
      return NODES.nullNode();
    }
    if (TRUE.contains(value) || FALSE.contains(value)) {
      return NODES.booleanNode(TRUE.contains(value));
    }
    if (INT.matcher(value).matches()) {
      BigInteger n = new BigInteger(value);
      return n.bitLength() < 32
          ? NODES.numberNode(n.intValue())
          : n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
    }
    if (FLOAT.matcher(value).matches()) {
      return NODES.numberNode(Double.parseDouble(value));
    }
    return NODES.textNode(value);
  }

  private static Position position(Mark mark) {
    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String firstLine(String message) {
    return message == null
        ? "unreadable"
        : message.lines().findFirst().orElse("unreadable").strip();
  }
}
