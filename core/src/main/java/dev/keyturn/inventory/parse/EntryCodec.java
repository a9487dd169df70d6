package dev.keyturn.inventory.parse;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One secret entry as JSON in the inventory file's own shape, read back by the same parser, so the
 * stored form and the file form can never drift apart.
 */
public final class EntryCodec {

  private EntryCodec() {}

  public static String write(SecretEntry e) {
    return Json.write(toMap(e));
  }

  /** Reads what {@link #write} wrote, as JSON (not YAML: this runs on every function's path). */
  public static SecretEntry read(String json) {
    String wrapped = "{\"version\":1,\"secrets\":[" + json + "]}";
    Inventory inventory = InventoryParser.parse(Json.tree(wrapped), "stored entry").requireValid();
    return inventory.secrets().getFirst();
  }

  static Map<String, Object> toMap(SecretEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    if (e.perEnvironment()) {
      Map<String, Object> sources = new LinkedHashMap<>();
      e.sources().forEach((env, src) -> sources.put(env, source(src)));
      m.put("source", sources);
    } else {
      m.put("source", source(e.source()));
    }
    Map<String, Object> tags = new LinkedHashMap<>();
    for (TagDimension d : TagDimension.values()) {
      List<String> values = e.tags().all(d);
      if (!values.isEmpty()) {
        tags.put(d.key(), values.size() == 1 ? values.getFirst() : values);
      }
    }
    m.put("tags", tags);
    m.put("environments", e.environments());
    putIfPresent(m, "scope", e.scope());
    putIfPresent(m, "devAnalog", e.devAnalog());
    if (e.generator() != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("type", e.generator().type());
      g.putAll(new java.util.TreeMap<>(e.generator().options()));
      m.put("generator", g);
    }
    putIfPresent(m, "expiresAt", e.expiresAt());
    if (!e.scopes().isEmpty()) {
      m.put("scopes", e.scopes());
    }
    putIfPresent(m, "review", e.review());
    m.put("sinks", e.sinks().stream().map(EntryCodec::sink).toList());
    return m;
  }

  private static Map<String, String> source(Source s) {
    return switch (s) {
      case Source.SecretsManager sm -> Map.of("secretsManager", sm.id());
      case Source.SsmParameter p -> Map.of("ssmParameter", p.id());
    };
  }

  private static Map<String, Object> sink(Sink s) {
    Map<String, Object> inner = new LinkedHashMap<>();
    switch (s) {
      case Sink.Heroku h -> inner.put("app", h.app());
      case Sink.Github g -> {
        inner.put("repo", g.repo());
        putIfPresent(inner, "environment", g.environment());
      }
      case Sink.Cloudflare c -> {
        inner.put("account", c.account());
        inner.put("script", c.script());
      }
      case Sink.Dotenv d -> inner.put("file", d.file());
    }
    inner.put("var", s.var());
    putIfPresent(inner, "previousVar", s.previousVar());
    putIfPresent(inner, "field", s.field());
    putIfPresent(inner, "env", s.env());
    return Map.of(s.kind(), inner);
  }

  private static void putIfPresent(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
