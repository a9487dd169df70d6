package dev.keyturn.inventory.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the inventory YAML into the model. Structural problems (YAML syntax, duplicate keys,
 * unknown keys, wrong shapes) are collected with their path and position, not thrown, so {@code
 * keyturn lint} can report all of them; {@link ParsedInventory#requireValid()} turns them into one
 * error for commands that cannot go on. YAML is read by {@link YamlTree}: anchors and aliases work,
 * with a limit on how far aliases expand.
 */
public final class InventoryParser {

  /** What a file that cannot be read as a mapping parses to: nothing, for lint to skip. */
  private static final Inventory EMPTY =
      new Inventory(0, Set.of(), Set.of(), Set.of(), List.of(), List.of());

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
          "sinks",
          "references");
  private static final Set<String> WEBHOOK_FIXED = Set.of("source", "scheme", "secret", "sender");
  private static final String OVERLAP_GRACE = "overlapGrace";
  private static final String ISSUED_BY_VENDOR = "vendor";
  private static final List<String> ISSUERS = List.of(ISSUED_BY_VENDOR, "keyturn");

  private InventoryParser() {}

  /**
   * Reads a file.
   *
   * @throws InventoryFileException when the file is not there or cannot be read (names the path)
   */
  public static ParsedInventory parse(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw InventoryFileException.missing(file);
    } catch (IOException e) {
      throw new InventoryFileException(
          file, "cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * Reads inventory YAML. Every problem, YAML syntax errors and duplicate keys included, is
   * collected with its path and position rather than thrown, so lint can report them all.
   */
  public static ParsedInventory parse(String yaml, String origin) {
    YamlTree.Result tree = YamlTree.read(yaml);
    List<SchemaProblem> problems = new ArrayList<>(tree.problems());
    if (tree.root() == null || !tree.root().isObject()) {
      if (problems.isEmpty()) {
        problems.add(
            new SchemaProblem("", "must be a YAML mapping with `version: 1`", new Position(1, 1)));
      }
      return new ParsedInventory(origin, EMPTY, problems, tree.positions());
    }
    return build(tree.root(), origin, problems, tree.positions());
  }

  /** Reads an inventory already in tree form (a stored entry's JSON). */
  static ParsedInventory parse(JsonNode root, String origin) {
    return build(root, origin, new ArrayList<>(), new Positions());
  }

  private static ParsedInventory build(
      JsonNode root, String origin, List<SchemaProblem> problems, Positions positions) {
    Fields top = new Fields(root, "", problems);
    top.allowOnly(TOP);
    Integer version = top.integer("version");
    if (version == null || version != 1) {
      top.problem("version", "must be 1");
    }
    List<SecretEntry> secrets = new ArrayList<>();
    for (Fields f : top.objects("secrets")) {
      SecretEntry entry = secret(f);
      positions.entry(entry.name(), f.path());
      secrets.add(entry);
    }
    List<WebhookEntry> webhooks = new ArrayList<>();
    for (Fields f : top.objects("webhooks")) {
      WebhookEntry entry = webhook(f);
      positions.entry("webhook " + entry.source(), f.path());
      webhooks.add(entry);
    }
    Functions functions = functions(top);
    Inventory inventory =
        new Inventory(
            version == null ? 0 : version,
            codes(top, "vendors"),
            functions.names(),
            new LinkedHashSet<>(top.texts("consumers")),
            secrets,
            webhooks,
            functions.vendorIssued());
    return new ParsedInventory(origin, inventory, problems, positions);
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

  /** Extra function tag values, and which of them a vendor issues. */
  private record Functions(Set<String> names, Set<String> vendorIssued) {}

  /**
   * Extra function tag values: a list of names, or of {@code {name, issuedBy: vendor|keyturn}}
   * mappings (a credential of a vendor-issued function is never generated by keyturn).
   */
  private static Functions functions(Fields top) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> vendorIssued = new LinkedHashSet<>();
    JsonNode v = top.raw("functions");
    if (v == null || v.isNull()) {
      return new Functions(names, vendorIssued);
    }
    if (!v.isArray()) {
      top.problem("functions", "must be a list of function names");
      return new Functions(names, vendorIssued);
    }
    List<Fields> mappings = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String where = "functions[" + i + "]";
      if (item.isValueNode() && !item.isNull()) {
        names.add(item.asText().strip());
      } else if (item.isObject()) {
        mappings.add(new Fields(item, where, top.problems()));
      } else {
        top.problem(where, "must be a function name or a mapping with `name`");
      }
    }
    for (Fields f : mappings) {
      f.allowOnly(Set.of("name", "issuedBy"));
      String name = f.requiredText("name");
      String issuedBy = f.text("issuedBy");
      if (issuedBy != null && !ISSUERS.contains(issuedBy)) {
        f.problem(f.child("issuedBy"), "must be one of " + String.join(", ", ISSUERS));
      }
      if (name != null) {
        names.add(name);
        if (ISSUED_BY_VENDOR.equals(issuedBy)) {
          vendorIssued.add(name);
        }
      }
    }
    return new Functions(names, vendorIssued);
  }

  private static SecretEntry secret(Fields f) {
    f.allowOnly(SECRET_KEYS);
    String name = f.requiredText("name");
    Map<String, Source> perEnvironment = new LinkedHashMap<>();
    Source single = source(f, perEnvironment);
    return new SecretEntry(
        name,
        single,
        tags(f),
        f.texts("environments"),
        f.text("scope"),
        f.text("devAnalog"),
        generator(f),
        f.text("expiresAt"),
        f.texts("scopes"),
        f.text("review"),
        f.objects("sinks").stream().map(SinkParser::sink).filter(s -> s != null).toList(),
        perEnvironment,
        f.texts("references"));
  }

  /**
   * The entry's source: {@code {secretsManager: …}} / {@code {ssmParameter: …}}, or one of those
   * per environment ({@code {prod: {secretsManager: …}, staging: {…}}}), which go into {@code
   * perEnvironment} (the single source returned is then null).
   */
  private static Source source(Fields f, Map<String, Source> perEnvironment) {
    Fields s = f.object("source");
    if (s == null) {
      f.problem(
          f.child("source"),
          "is required: `secretsManager: <name or ARN>`, `ssmParameter: <path>`, or one of those"
              + " per environment (`prod: {...}`, `staging: {...}`)");
      return null;
    }
    if (!s.has("secretsManager") && !s.has("ssmParameter") && !s.keys().isEmpty()) {
      for (String env : s.keys()) {
        Fields inner = s.object(env);
        if (inner == null) {
          continue;
        }
        Source own = oneSource(inner);
        if (own != null) {
          perEnvironment.put(env, own);
        }
      }
      return null;
    }
    return oneSource(s);
  }

  private static Source oneSource(Fields s) {
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

  private static WebhookEntry webhook(Fields f) {
    String source = f.requiredText("source");
    String scheme = f.requiredText("scheme");
    String secret = f.requiredText("secret");
    Integer tolerance = f.integer("toleranceSeconds");
    Set<String> fixed = new LinkedHashSet<>(WEBHOOK_FIXED);
    fixed.add("toleranceSeconds");
    fixed.add(OVERLAP_GRACE);
    Map<String, String> options = f.scalarsExcept(fixed);
    return new WebhookEntry(
        source,
        scheme,
        secret,
        tolerance,
        options,
        SenderParser.sender(f, source),
        f.text(OVERLAP_GRACE));
  }
}
