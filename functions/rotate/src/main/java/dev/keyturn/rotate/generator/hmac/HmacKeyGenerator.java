package dev.keyturn.rotate.generator.hmac;

import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorOptions;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.RandomSource;
import dev.keyturn.rotate.generator.SecretGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code hmac-key}: a random key for signing webhooks.
 *
 * <p>Options: {@code bytes} (24..64, default 32) and {@code format}: {@code whsec} (default; {@code
 * whsec_} + base64, the Standard Webhooks form) or {@code hex} (lowercase). The range is the
 * Standard Webhooks one: under 24 bytes (192 bits) is too weak, and HMAC-SHA256 hashes keys longer
 * than its 64-byte block down to 32 bytes, so more adds nothing.
 */
public final class HmacKeyGenerator implements SecretGenerator {

  public static final String TYPE = "hmac-key";
  public static final int DEFAULT_BYTES = 32;
  public static final int MIN_BYTES = 24;
  public static final int MAX_BYTES = 64;

  private static final Set<String> KNOWN = Set.of("bytes", "format");
  private static final Map<String, HmacKeyFormat> FORMATS =
      Map.of("whsec", HmacKeyFormat.WHSEC, "hex", HmacKeyFormat.HEX);

  private final RandomSource random;

  public HmacKeyGenerator(RandomSource random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The options, read and checked. */
  public record Settings(int bytes, HmacKeyFormat format) {}

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
    byte[] key = random.bytes(settings.bytes());
    try {
      return settings.format().encode(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public void checkWellFormed(String value, Map<String, String> options) {
    Settings settings = settings(options);
    if (value == null) {
      throw new MalformedSecretValueException("value is absent");
    }
    byte[] key;
    try {
      key = settings.format().decode(value);
    } catch (IllegalArgumentException notDecodable) {
      // the decoder's own message can quote characters of the value; say only which format failed
      throw new MalformedSecretValueException(
          "value is not a valid " + settings.format().optionValue() + " key");
    }
    int length = key.length;
    Arrays.fill(key, (byte) 0);
    if (length != settings.bytes()) {
      throw new MalformedSecretValueException(
          "key is " + length + " bytes long, expected " + settings.bytes());
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
        reader.integer("bytes", DEFAULT_BYTES, MIN_BYTES, MAX_BYTES),
        reader.oneOf("format", HmacKeyFormat.WHSEC, FORMATS));
  }
}
