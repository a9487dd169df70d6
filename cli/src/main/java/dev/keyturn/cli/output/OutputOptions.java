package dev.keyturn.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.cli.common.UsageException;
import dev.keyturn.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --output json|table|text}, its alias {@code --json}, and {@code --query}, as {@code aws}
 * has them. {@code table} is the command's own layout for people; {@code json} its JSON document;
 * {@code text} the same document as plain lines (one per item, values tab-separated) for {@code
 * cut}, {@code while read} and friends. {@code --query} selects from the JSON first ({@link
 * Query}); it implies {@code json} unless {@code --output text} is given.
 */
public final class OutputOptions {

  /** The output formats. */
  public enum Format {
    JSON,
    TABLE,
    TEXT
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      completionCandidates = FormatNames.class,
      description = "table (default; for people), json, or text (tab-separated lines)")
  Format format;

  @Option(names = "--json", description = "the same as --output json")
  boolean json;

  @Option(
      names = "--query",
      paramLabel = "EXPR",
      description =
          "print only what EXPR selects from the JSON, e.g. '[].name' (a JMESPath subset, see"
              + " docs/configuration.md); implies --output json unless --output text")
  String query;

  /** The format asked for. */
  public Format format() {
    if (json && format != null && format != Format.JSON) {
      throw new UsageException("--json and --output " + name(format) + " contradict each other");
    }
    if (json) {
      return Format.JSON;
    }
    if (format != null) {
      return format;
    }
    return query != null ? Format.JSON : Format.TABLE;
  }

  /** True for json and text: the command hands its JSON document to {@link #print}. */
  public boolean structured() {
    return format() != Format.TABLE;
  }

  /**
   * Prints the document as asked: JSON on one line, or text lines; {@code --query} first.
   *
   * @throws UsageException when {@code --query} cannot be read, or with {@code --output table}
   */
  public void print(PrintWriter out, Object document) {
    Format f = format();
    if (f == Format.TABLE) {
      throw new UsageException("--output table has no JSON document to print");
    }
    JsonNode value = select(document);
    if (f == Format.JSON) {
      out.println(Json.write(value));
    } else {
      textLines(value).forEach(out::println);
    }
    out.flush();
  }

  /** Refuses {@code --query} with the table layout, before the command does any work. */
  public void validate() {
    Format f = format();
    if (query != null) {
      if (f == Format.TABLE) {
        throw new UsageException("--query selects from JSON: use it with --output json or text");
      }
      query();
    }
  }

  private JsonNode select(Object document) {
    return query == null ? Json.MAPPER.valueToTree(document) : query().apply(document);
  }

  private Query query() {
    try {
      return Query.parse(query);
    } catch (Query.QuerySyntaxException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** One line per item (or one for a single value), leaf values tab-separated. */
  static List<String> textLines(JsonNode value) {
    List<String> lines = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isArray()) {
          lines.addAll(textLines(item));
        } else {
          lines.add(row(item));
        }
      }
    } else if (!value.isNull()) {
      lines.add(row(value));
    }
    return lines;
  }

  private static String row(JsonNode node) {
    List<String> cells = new ArrayList<>();
    leaves(node, cells);
    return String.join("\t", cells);
  }

  private static void leaves(JsonNode node, List<String> cells) {
    if (node.isObject()) {
      node.forEach(child -> leaves(child, cells));
    } else if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(child -> parts.add(child.isValueNode() ? child.asText() : Json.write(child)));
      cells.add(String.join(",", parts));
    } else {
      cells.add(node.isNull() ? "-" : node.asText());
    }
  }

  private static String name(Format f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  /** What shell completion offers for --output. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("json", "table", "text").iterator();
    }
  }

  /** Case-insensitive json|table|text, with the choices in the error. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected json, table or text, not '" + value + "'");
      }
    }
  }
}
