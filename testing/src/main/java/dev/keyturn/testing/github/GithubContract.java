package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's published REST description for the paths keyturn's stand-in serves (Actions secrets of
 * repositories, environments and organisations; environments; repository webhooks), vendored from
 * {@code @octokit/openapi} 23.0.2 ({@code api.github.com.deref.json}, every {@code $ref} already
 * resolved). Validates documents with the OpenAPI 3.0 dialect of the schema validator ({@code
 * nullable}, {@code example}, formats asserted). Immutable and shared by every stand-in in the JVM.
 */
final class GithubContract {

  static final String RESOURCE = "/dev/keyturn/testing/github/github-rest-subset.openapi.json";

  private static volatile GithubContract shared;

  private final List<GithubOperation> operations;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<JsonNode, JsonSchema> compiled = new IdentityHashMap<>();

  private GithubContract(JsonNode document) {
    this.operations = readOperations(document);
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            b ->
                b.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  }

  static GithubContract shared() {
    GithubContract instance = shared;
    if (instance == null) {
      synchronized (GithubContract.class) {
        if (shared == null) {
          shared = new GithubContract(load(new ObjectMapper()));
        }
        instance = shared;
      }
    }
    return instance;
  }

  private static JsonNode load(ObjectMapper mapper) {
    try (InputStream in = GithubContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<GithubOperation> operations() {
    return operations;
  }

  /** The operation a request addresses; the most literal template wins. */
  Optional<GithubOperation> match(String method, String rawPath) {
    return operations.stream()
        .filter(op -> op.method().equalsIgnoreCase(method))
        .filter(op -> op.match(rawPath).isPresent())
        .max(Comparator.comparingInt(GithubOperation::literalLength));
  }

  /** Whether any operation has this path (whatever the method), for 404 versus 405. */
  boolean hasPath(String rawPath) {
    return operations.stream().anyMatch(op -> op.match(rawPath).isPresent());
  }

  /** Problems found validating {@code instance} against a schema of the document. */
  List<String> validate(JsonNode schema, JsonNode instance) {
    JsonSchema compiledSchema;
    synchronized (compiled) {
      compiledSchema = compiled.computeIfAbsent(schema, s -> compile(s));
    }
    return compiledSchema.validate(instance).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /** A query or path value, which arrives as text, against its parameter schema. */
  List<String> validateParameter(JsonNode schema, String value) {
    if ("integer".equals(schema.path("type").asText()) && value.matches("-?\\d{1,9}")) {
      return validate(schema, IntNode.valueOf(Integer.parseInt(value)));
    }
    return validate(schema, TextNode.valueOf(value));
  }

  private JsonSchema compile(JsonNode schema) {
    JsonSchema s = factory.getSchema(schema, config);
    s.initializeValidators();
    return s;
  }

  private static List<GithubOperation> readOperations(JsonNode document) {
    List<GithubOperation> out = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(path ->
            path.getValue()
                .properties()
                .forEach(op -> out.add(operation(path.getKey(), op.getKey(), op.getValue()))));
    return List.copyOf(out);
  }

  private static GithubOperation operation(String template, String method, JsonNode op) {
    Map<String, JsonNode> query = new LinkedHashMap<>();
    for (JsonNode p : op.path("parameters")) {
      if ("query".equals(p.path("in").asText())) {
        query.put(p.path("name").asText(), p.path("schema"));
      }
    }
    JsonNode body = op.path("requestBody").path("content").path("application/json").get("schema");
    boolean required = op.path("requestBody").path("required").asBoolean(false);
    Map<Integer, JsonNode> responses = new LinkedHashMap<>();
    op.path("responses")
        .properties()
        .forEach(r -> {
          JsonNode schema = r.getValue().path("content").path("application/json").get("schema");
          responses.put(Integer.parseInt(r.getKey()), schema);
        });
    return GithubOperation.of(
        op.path("operationId").asText(),
        method.toUpperCase(java.util.Locale.ROOT),
        template,
        query,
        body,
        required,
        responses);
  }
}
