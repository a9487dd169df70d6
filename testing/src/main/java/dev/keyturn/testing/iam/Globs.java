package dev.keyturn.testing.iam;

import java.util.regex.Pattern;

/** IAM's wildcards: {@code *} any run of characters, {@code ?} exactly one. */
final class Globs {

  private Globs() {}

  static boolean matches(String glob, String value, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
    return Pattern.compile(regex.toString(), flags | Pattern.DOTALL).matcher(value).matches();
  }
}
