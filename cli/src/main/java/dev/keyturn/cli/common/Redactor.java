package dev.keyturn.cli.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a message whatever may be a value: quoted text, {@code name=value} values, URL
 * credentials, and long tokens mixing letters and digits (keys, tokens, base64). keyturn's own
 * exceptions never carry values; other libraries' messages may quote their input (a JSON parser
 * quotes the token it choked on, a driver the statement it ran), so the CLI passes them through
 * here before printing. Names and UUIDs survive, so the line still says what went wrong.
 */
final class Redactor {

  static final String MASK = "***";

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(://)[^/@\\s]+@");
  private static final Pattern ASSIGNED = Pattern.compile("(=)[^\\s,;&)\\]}]+");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_.~-]{20,}={0,2}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Redactor() {}

  static String redact(String message) {
    if (message == null) {
      return null;
    }
    String out = QUOTED.matcher(message).replaceAll("'" + MASK + "'");
    out = URL_CREDENTIALS.matcher(out).replaceAll("$1" + MASK + "@");
    out = ASSIGNED.matcher(out).replaceAll("$1" + MASK);
    Matcher tokens = TOKEN.matcher(out);
    StringBuilder result = new StringBuilder();
    while (tokens.find()) {
      String token = tokens.group();
      boolean valueLike =
          token.chars().anyMatch(Character::isDigit)
              && token.chars().anyMatch(Character::isLetter)
              && !UUID.matcher(token).matches();
      tokens.appendReplacement(result, Matcher.quoteReplacement(valueLike ? MASK : token));
    }
    tokens.appendTail(result);
    return result.toString();
  }
}
