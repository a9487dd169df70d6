package dev.keyturn.testing.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Heroku Platform API contract: which operations exist (the hyper-schema's {@code links}) and
 * whether a JSON document satisfies a schema of that document. {@code $ref}s resolve into the same
 * vendored document; nothing is fetched.
 *
 * <p>Immutable and thread-safe; loading the 570 KB document costs a few hundred milliseconds, so
 * one instance is shared by every stand-in in the JVM.
 */
final class HerokuApiSchema {

  /** The document's own {@code id}; every {@code $ref} resolves against it. */
  static final String DOCUMENT_IRI = "http://api.heroku.com/schema";

  private static final String META_SCHEMA_IRI = "urn:keyturn:interagent-hyper-schema-as-draft-04";

  private static volatile HerokuApiSchema shared;

  private final List<ApiLink> links;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  private HerokuApiSchema(ObjectMapper mapper) {
    ObjectNode document = HyperSchemaDocument.load(mapper);
    this.links = readLinks(document);
    this.factory = factory(document.toString());
    this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  }

  /** The JVM-wide instance, loaded on first use. */
  static HerokuApiSchema shared() {
    HerokuApiSchema instance = shared;
    if (instance == null) {
      synchronized (HerokuApiSchema.class) {
        instance = shared;
        if (instance == null) {
          instance = new HerokuApiSchema(new ObjectMapper());
          shared = instance;
        }
      }
    }
    return instance;
  }

  List<ApiLink> links() {
    return links;
  }

  /**
   * The links whose method and href template match a request; several when the schema declares more
   * than one operation on the same route (release Create and Rollback). The most literal template
   * wins when templates overlap.
   */
  List<ApiLink> match(String method, String rawPath) {
    List<ApiLink> matching =
        links.stream()
            .filter(link -> link.method().equalsIgnoreCase(method))
            .filter(link -> link.match(rawPath).isPresent())
            .toList();
    int fewestVariables =
        matching.stream()
            .mapToInt(link -> link.pathParameterSchemas().size())
            .min()
            .orElse(Integer.MAX_VALUE);
    return matching.stream()
        .filter(link -> link.pathParameterSchemas().size() == fewestVariables)
        .toList();
  }

  /** Problems found validating {@code instance} against the schema at a document pointer. */
  List<String> validate(String pointer, JsonNode instance) {
    JsonSchema schema = compiled.computeIfAbsent(pointer, this::compile);
    return schema.validate(instance).stream()
        .map(ValidationMessage::getMessage)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /**
   * Problems with a path variable: it must satisfy the identity schema named in the href template.
   * Paths carry strings, so an all-digit segment is also tried as an integer (release versions).
   */
  List<String> validatePathParameter(String pointer, String value) {
    List<String> asString = validate(pointer, TextNode.valueOf(value));
    if (asString.isEmpty() || !value.matches("\\d{1,9}")) {
      return asString;
    }
    List<String> asInteger = validate(pointer, IntNode.valueOf(Integer.parseInt(value)));
    return asInteger.isEmpty() ? asInteger : asString;
  }

  private JsonSchema compile(String pointer) {
    JsonSchema schema = factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer), config);
    // resolve every $ref now, on one thread, so concurrent validations share a finished schema
    schema.initializeValidators();
    return schema;
  }

  private static JsonSchemaFactory factory(String documentJson) {
    // Hyper-schema keywords (links, stability, example, strictProperties after its rewrite) and
    // the map nodes walked through when resolving a pointer carry no assertions: ignore them
    // quietly instead of logging a warning per keyword.
    JsonMetaSchema metaSchema =
        JsonMetaSchema.builder(META_SCHEMA_IRI, JsonMetaSchema.getV4())
            .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
            .build();
    return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
        .metaSchema(metaSchema)
        .defaultMetaSchemaIri(META_SCHEMA_IRI)
        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, documentJson)))
        .build();
  }

  private static List<ApiLink> readLinks(ObjectNode document) {
    List<ApiLink> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> definition : document.path("definitions").properties()) {
      JsonNode definitionLinks = definition.getValue().path("links");
      for (int index = 0; index < definitionLinks.size(); index++) {
        result.add(readLink(definition.getKey(), index, definitionLinks.get(index)));
      }
    }
    return List.copyOf(result);
  }

  private static ApiLink readLink(String resource, int index, JsonNode link) {
    String base = "#/definitions/" + resource + "/links/" + index;
    return ApiLink.of(
        resource,
        link.path("title").asText(),
        link.path("method").asText("GET"),
        link.path("href").asText(),
        pointerIfPresent(link, "schema", base),
        pointerIfPresent(link, "targetSchema", base));
  }

  private static Optional<String> pointerIfPresent(JsonNode link, String field, String base) {
    return Stream.of(link.get(field))
        .filter(node -> node != null && node.isObject())
        .findFirst()
        .map(node -> base + "/" + field);
  }
}
