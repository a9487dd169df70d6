package dev.keyturn.testing.leak;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds seeded secret values in text, raw or in the encodings a careless log line or item would
 * carry them: Base64 (standard and URL-safe, padding ignored), URL encoding, JSON string escaping.
 * It reports which form matched, never the value.
 */
public final class SecretMatcher {

  private static final String MASK = "<seeded secret>";

  private record Needle(String form, String text) {}

  private final List<Needle> needles;

  private SecretMatcher(List<Needle> needles) {
    this.needles = needles;
  }

  public static SecretMatcher of(Collection<String> secrets) {
    List<Needle> needles = new ArrayList<>();
    for (String secret : secrets) {
      forms(secret).forEach((form, text) -> needles.add(new Needle(form, text)));
    }
    // longest first, so masking never leaves a tail of a longer form behind
    needles.sort((a, b) -> Integer.compare(b.text().length(), a.text().length()));
    return new SecretMatcher(List.copyOf(needles));
  }

  /** The encoding name ("raw", "base64", ...) of the first seeded value found in {@code text}. */
  public Optional<String> find(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    for (Needle needle : needles) {
      if (text.contains(needle.text())) {
        return Optional.of(needle.form());
      }
    }
    return Optional.empty();
  }

  /** {@code text} with every known form of every seeded value replaced by a marker. */
  public String mask(String text) {
    String masked = text;
    for (Needle needle : needles) {
      masked = masked.replace(needle.text(), MASK);
    }
    return masked;
  }

  public boolean isEmpty() {
    return needles.isEmpty();
  }

  static Map<String, String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("raw", secret);
    forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    forms.put("url-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.put("json-escaped", jsonEscaped(secret));
    // a form identical to another one adds nothing
    Map<String, String> distinct = new LinkedHashMap<>();
    forms.forEach((form, text) -> {
      if (!distinct.containsValue(text)) {
        distinct.put(form, text);
      }
    });
    return distinct;
  }

  private static String jsonEscaped(String secret) {
    StringBuilder escaped = new StringBuilder();
    for (char c : secret.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
