package dev.keyturn.rotate.generator.jsonfield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.rotate.generator.CorruptCurrentValueException;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code json-field}: for secrets holding a JSON object with several fields (e.g. {@code {"key_id":
 * "...", "secret_key": "..."}}), regenerates some fields and keeps the others exactly.
 *
 * <p>Options: {@code fields} (required; comma-separated names of the fields to regenerate), {@code
 * length} (1..4096, default 40) and {@code alphabet} ({@code alnum} default, {@code hex}, {@code
 * numeric}, {@code base64url}). The current value must be a JSON object that already has each named
 * field as a string (or null): a missing field is an error rather than added, so a typo in {@code
 * fields} cannot leave the real field unrotated.
 */
public final class JsonFieldGenerator implements SecretGenerator {

  public static final String TYPE = "json-field";
  public static final int DEFAULT_LENGTH = 40;
  public static final int MAX_LENGTH = 4096;

  private static final Set<String> KNOWN = Set.of("fields", "length", "alphabet");
  private static final Map<String, Alphabet> ALPHABETS =
      Map.of(
          "alnum", Alphabet.ALNUM,
          "hex", Alphabet.HEX,
          "numeric", Alphabet.NUMERIC,
          "base64url", Alphabet.BASE64URL);

  private final RandomSource random;

  public JsonFieldGenerator(RandomSource random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The options, read and checked. */
  public record Settings(List<String> fields, int length, Alphabet alphabet) {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<String> validate(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    read(reader);
    return reader.problems();
  }

  @Override
  public String generate(GenerationRequest request) {
    Settings settings = settings(request.options());
    ObjectNode object =
        JsonObjects.parse(request.currentValue())
            .orElseThrow(() ->
                new CorruptCurrentValueException(
                    request.secretName(),
                    request.hasCurrentValue()
                        ? "value is not a JSON object"
                        : "there is no current value; json-field needs a JSON object"
                            + " holding the fields"));
    for (String field : settings.fields()) {
      JsonNode existing = object.get(field);
      if (existing == null || !(existing.isTextual() || existing.isNull())) {
        throw new CorruptCurrentValueException(
            request.secretName(), "field '" + field + "' is missing or not a string");
      }
      object.put(field, random.characters(settings.length(), settings.alphabet().characters()));
    }
    return JsonObjects.write(object);
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    Settings settings = settings(options);
    ObjectNode object =
        JsonObjects.parse(value)
            .orElseThrow(() -> new MalformedSecretValueException("value is not a JSON object"));
    for (String field : settings.fields()) {
      JsonNode node = object.get(field);
      if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
        throw new MalformedSecretValueException(
            "field '" + field + "' is missing, empty or not a string");
      }
      String text = node.textValue();
      if (text.length() != settings.length() || !settings.alphabet().contains(text)) {
        throw new MalformedSecretValueException(
            "field '"
                + field
                + "' is not "
                + settings.length()
                + " characters of the "
                + settings.alphabet().optionValue()
                + " alphabet");
      }
    }
  }

  /** The options, read; throws when they are invalid. */
  public Settings settings(Map<String, String> options) {
    GeneratorOptions reader = new GeneratorOptions(options, KNOWN);
    Settings settings = read(reader);
    reader.requireValid(TYPE);
    return settings;
  }

  private static Settings read(GeneratorOptions reader) {
    return new Settings(
        fields(reader),
        reader.integer("length", DEFAULT_LENGTH, 1, MAX_LENGTH),
        reader.oneOf("alphabet", Alphabet.ALNUM, ALPHABETS));
  }

  private static List<String> fields(GeneratorOptions reader) {
    String raw = reader.text("fields", "");
    List<String> names = Arrays.stream(raw.split(",", -1)).map(String::strip).toList();
    if (raw.isBlank()) {
      reader.problem("option 'fields' must name at least one field to regenerate");
      return List.of();
    }
    if (names.stream().anyMatch(String::isEmpty)) {
      reader.problem("option 'fields' has an empty name between commas");
    }
    Set<String> unique = new LinkedHashSet<>(names);
    unique.remove("");
    if (unique.size() != names.stream().filter(n -> !n.isEmpty()).count()) {
      reader.problem("option 'fields' names a field more than once");
    }
    return List.copyOf(unique);
  }
}
