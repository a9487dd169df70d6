package dev.keyturn.testing.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The shapes Cloudflare's API documents for Workers secrets, as JSON schemas: every answer is the
 * v4 envelope {@code {success, errors[{code, message}], messages, result}}; a secret is {@code
 * {name, type}}; a PUT carries {@code {name, text, type: "secret_text"}} and nothing else.
 */
final class CloudflareContract {

  private static final String ENVELOPE =
      """
      {"type": "object",
       "required": ["success", "errors", "messages", "result"],
       "properties": {
         "success": {"type": "boolean"},
         "errors": {"type": "array", "items": {"$ref": "#/$defs/message"}},
         "messages": {"type": "array", "items": {"$ref": "#/$defs/message"}},
         "result": {}
       },
       "additionalProperties": false,
       "$defs": {"message": {"type": "object", "required": ["code", "message"],
         "properties": {"code": {"type": "integer", "minimum": 1000},
                        "message": {"type": "string"}}}}}
      """;

  private static final String SECRET =
      """
      {"type": "object", "required": ["name", "type"],
       "properties": {"name": {"type": "string", "minLength": 1},
                      "type": {"enum": ["secret_text", "secret_key"]}},
       "additionalProperties": false}
      """;

  private static final String SECRET_LIST = "{\"type\": \"array\", \"items\": " + SECRET + "}";

  private static final String PUT_BODY =
      """
      {"type": "object", "required": ["name", "text", "type"],
       "properties": {"name": {"type": "string", "minLength": 1, "pattern": "^[A-Za-z0-9_]+$"},
                      "text": {"type": "string"},
                      "type": {"const": "secret_text"}},
       "additionalProperties": false}
      """;

  private final JsonSchema envelope;
  private final JsonSchema secret;
  private final JsonSchema secretList;
  private final JsonSchema putBody;

  CloudflareContract(ObjectMapper mapper) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    this.envelope = schema(factory, mapper, ENVELOPE);
    this.secret = schema(factory, mapper, SECRET);
    this.secretList = schema(factory, mapper, SECRET_LIST);
    this.putBody = schema(factory, mapper, PUT_BODY);
  }

  private static JsonSchema schema(JsonSchemaFactory factory, ObjectMapper mapper, String json) {
    try {
      return factory.getSchema(mapper.readTree(json));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> envelope(JsonNode body) {
    return messages(envelope, body);
  }

  List<String> secret(JsonNode result) {
    return messages(secret, result);
  }

  List<String> secretList(JsonNode result) {
    return messages(secretList, result);
  }

  List<String> putBody(JsonNode body) {
    return messages(putBody, body);
  }

  private static List<String> messages(JsonSchema schema, JsonNode node) {
    return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
