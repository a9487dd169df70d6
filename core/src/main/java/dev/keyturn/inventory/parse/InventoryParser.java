package dev.keyturn.inventory.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.inventory.Tags;
import dev.keyturn.inventory.WebhookEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the inventory YAML into the model. Structural problems are collected with their path, not
 * thrown, so {@code keyturn lint} can report all of them; {@link ParsedInventory#requireValid()}
 * turns them into one error for commands that cannot go on.
 */
public final class InventoryParser {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> TOP =
      Set.of("version", "vendors", "functions", "consumers", "secrets", "webhooks");
  private static final Set<String> SECRET_KEYS =
      Set.of(
          "name",
          "source",
          "tags",
          "environments",
          "scope",
          "devAnalog",
          "generator",
          "expiresAt",
          "scopes",
          "review",
          "sinks");
  private static final Set<String> WEBHOOK_FIXED = Set.of("source", "scheme", "secret");

  private InventoryParser() {}

  /** Reads a file; an unreadable file is an {@link InvalidInventoryException}. */
  public static ParsedInventory parse(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInventoryException(
          file.toString(), List.of(new SchemaProblem("", "file not found")));
    } catch (IOException e) {
      throw new InvalidInventoryException(
          file.toString(), List.of(new SchemaProblem("", "cannot be read: " + e.getMessage())));
    }
  }

  public static ParsedInventory parse(String yaml, String origin) {
    List<SchemaProblem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
      throw new InvalidInventoryException(
          origin, List.of(new SchemaProblem(where, "not valid YAML: " + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInventoryException(
          origin, List.of(new SchemaProblem("", "must be a YAML mapping with `version: 1`")));
    }
    Fields top = new Fields(root, "", problems);
    top.allowOnly(TOP);
    Integer version = top.integer("version");
    if (version == null || version != 1) {
      top.problem("version", "must be 1");
    }
    List<SecretEntry> secrets =
        top.objects("secrets").stream().map(InventoryParser::secret).toList();
    List<WebhookEntry> webhooks =
        top.objects("webhooks").stream().map(InventoryParser::webhook).toList();
    Inventory inventory =
        new Inventory(
            version == null ? 0 : version,
            codes(top, "vendors"),
            new LinkedHashSet<>(top.texts("functions")),
            new LinkedHashSet<>(top.texts("consumers")),
            secrets,
            webhooks);
    return new ParsedInventory(origin, inventory, problems);
  }

  /** Vendor codes: a list of codes, or of {code, name} mappings. */
  private static Set<String> codes(Fields top, String key) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode v = top.raw(key);
    if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        JsonNode code = item.isObject() ? item.get("code") : item;
        if (code != null && code.isValueNode()) {
          out.add(code.asText().strip());
        } else {
          top.problem(key, "each vendor must be a code or a mapping with `code`");
        }
      }
    } else if (v != null && !v.isNull()) {
      top.problem(key, "must be a list of vendor codes");
    }
    return out;
  }

  private static SecretEntry secret(Fields f) {
    f.allowOnly(SECRET_KEYS);
    String name = f.requiredText("name");
    return new SecretEntry(
        name,
        source(f),
        tags(f),
        f.texts("environments"),
        f.text("scope"),
        f.text("devAnalog"),
        generator(f),
        f.text("expiresAt"),
        f.texts("scopes"),
        f.text("review"),
        f.objects("sinks").stream().map(InventoryParser::sink).filter(s -> s != null).toList());
  }

  private static Source source(Fields f) {
    Fields s = f.object("source");
    if (s == null) {
      f.problem(
          f.child("source"),
          "is required: `secretsManager: <name or ARN>` or `ssmParameter: <path>`");
      return null;
    }
    s.allowOnly(Set.of("secretsManager", "ssmParameter"));
    String sm = s.text("secretsManager");
    String ssm = s.text("ssmParameter");
    if ((sm == null) == (ssm == null)) {
      s.problem(s.path(), "needs exactly one of `secretsManager` or `ssmParameter`");
      return null;
    }
    if (ssm != null && !ssm.startsWith("/")) {
      s.problem(s.child("ssmParameter"), "must be an absolute parameter path starting with /");
    }
    return sm != null ? new Source.SecretsManager(sm) : new Source.SsmParameter(ssm);
  }

  private static Tags tags(Fields f) {
    Fields t = f.object("tags");
    EnumMap<TagDimension, List<String>> values = new EnumMap<>(TagDimension.class);
    if (t == null) {
      return new Tags(values);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (TagDimension d : TagDimension.values()) {
      keys.add(d.key());
      List<String> given = t.texts(d.key());
      if (!given.isEmpty()) {
        values.put(d, given);
      }
    }
    t.allowOnly(keys);
    return new Tags(values);
  }

  private static GeneratorSpec generator(Fields f) {
    Fields g = f.object("generator");
    if (g == null) {
      return null;
    }
    String type = g.requiredText("type");
    Map<String, String> options = g.scalarsExcept(Set.of("type"));
    return type == null ? null : new GeneratorSpec(type, options);
  }

  private static Sink sink(Fields f) {
    Fields heroku = f.object("heroku");
    Fields dotenv = f.object("dotenv");
    if ((heroku == null) == (dotenv == null)) {
      f.problem(f.path(), "needs exactly one of `heroku: {app, var}` or `dotenv: {file, var}`");
      return null;
    }
    f.allowOnly(Set.of("heroku", "dotenv"));
    if (heroku != null) {
      heroku.allowOnly(Set.of("app", "var", "previousVar", "field", "format"));
      String app = heroku.requiredText("app");
      String var = heroku.requiredText("var");
      String format = format(heroku);
      return app == null || var == null
          ? null
          : new Sink.Heroku(app, var, heroku.text("previousVar"), heroku.text("field"), format);
    }
    dotenv.allowOnly(Set.of("file", "var", "field", "format"));
    String file = dotenv.requiredText("file");
    String var = dotenv.requiredText("var");
    String format = format(dotenv);
    return file == null || var == null
        ? null
        : new Sink.Dotenv(file, var, dotenv.text("field"), format);
  }

  /** A sink's {@code format}: absent, or {@code url} (which composes, so it takes no field). */
  private static String format(Fields sink) {
    String format = sink.text("format");
    if (format == null) {
      return null;
    }
    if (!Sink.FORMAT_URL.equals(format)) {
      sink.problem(sink.child("format"), "must be `" + Sink.FORMAT_URL + "` when given");
      return null;
    }
    if (sink.text("field") != null) {
      sink.problem(sink.child("format"), "`format: url` composes the whole value; drop `field`");
    }
    return format;
  }

  private static WebhookEntry webhook(Fields f) {
    String source = f.requiredText("source");
    String scheme = f.requiredText("scheme");
    String secret = f.requiredText("secret");
    Integer tolerance = f.integer("toleranceSeconds");
    Set<String> fixed = new LinkedHashSet<>(WEBHOOK_FIXED);
    fixed.add("toleranceSeconds");
    Map<String, String> options = f.scalarsExcept(fixed);
    return new WebhookEntry(source, scheme, secret, tolerance, options);
  }
}
