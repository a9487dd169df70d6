package dev.keyturn.webhook.scheme;

import java.util.Set;

/**
 * Any provider that puts one HMAC of the body in one header. Options: {@code header} (required),
 * {@code algorithm} {@code sha256|sha512} (default sha256; SHA-1 is refused here and used only
 * where a vendor's own scheme requires it, {@link FreeScoutScheme}), {@code encoding} {@code
 * hex|base64} (default hex), {@code prefix} before the MAC (e.g. {@code sha256=}, default none),
 * {@code idHeader} naming an unsigned delivery id header (default none). The key is the secret
 * string's UTF-8 bytes.
 */
public final class GenericHmacScheme extends BodyHmacScheme {

  public static final String NAME = "generic-hmac";
  public static final String OPTION_HEADER = "header";
  public static final String OPTION_ALGORITHM = "algorithm";
  public static final String OPTION_ENCODING = "encoding";
  public static final String OPTION_PREFIX = "prefix";
  public static final String OPTION_ID_HEADER = "idHeader";

  /** The algorithms a generic source may choose: no SHA-1, which no new integration should use. */
  static final HmacAlgorithm[] ALGORITHMS = {HmacAlgorithm.SHA256, HmacAlgorithm.SHA512};

  static final Set<String> OPTIONS =
      Set.of(OPTION_HEADER, OPTION_ALGORITHM, OPTION_ENCODING, OPTION_PREFIX, OPTION_ID_HEADER);

  /**
   * @param prefix text before the encoded MAC, "" for none
   * @param idHeader an unsigned delivery id header, or null
   */
  public GenericHmacScheme(
      String header,
      HmacAlgorithm algorithm,
      SignatureEncoding encoding,
      String prefix,
      String idHeader) {
    super(header, prefix, encoding, algorithm, idHeader);
  }

  /** The scheme the options describe, or null when they have problems (recorded in options). */
  static GenericHmacScheme from(SchemeOptions options) {
    String header = options.requiredHeaderName(OPTION_HEADER);
    HmacAlgorithm algorithm =
        options.choice(
            OPTION_ALGORITHM, HmacAlgorithm.SHA256, ALGORITHMS, HmacAlgorithm::optionValue);
    SignatureEncoding encoding =
        options.choice(
            OPTION_ENCODING,
            SignatureEncoding.HEX,
            SignatureEncoding.values(),
            SignatureEncoding::optionValue);
    String prefix = options.optionalPrintable(OPTION_PREFIX);
    String idHeader = options.optionalHeaderName(OPTION_ID_HEADER);
    return options.hasProblems()
        ? null
        : new GenericHmacScheme(header, algorithm, encoding, prefix, idHeader);
  }

  @Override
  public String name() {
    return NAME;
  }
}
