package dev.keyturn.rotate.database.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Redis ACL rules: passwords by their SHA-256 (the form {@code ACL LIST} shows and {@code #}/{@code
 * !} accept), and a user's rights as {@code ACL LIST} prints them, without its passwords and on/off
 * state, to give another user.
 */
final class AclRules {

  private static final Set<String> STATE = Set.of("on", "off", "nopass", "resetpass");

  private AclRules() {}

  /** {@code #<sha256>}: adds the password without sending it. */
  static String addPassword(String password) {
    return "#" + sha256(password);
  }

  /** {@code !<sha256>}: removes the password. */
  static String removePassword(String password) {
    return "!" + sha256(password);
  }

  /**
   * The rules of {@code user} from {@code ACL LIST} lines ({@code user <name> <rules...>}), minus
   * passwords ({@code #}, {@code >}, {@code <}, {@code !}) and on/off/nopass.
   *
   * @throws IllegalArgumentException when the list has no line for the user
   */
  static List<String> rightsOf(List<String> aclList, String user) {
    String prefix = "user " + user + " ";
    for (String line : aclList) {
      if (line.startsWith(prefix)) {
        List<String> rules = new ArrayList<>();
        for (String rule : tokens(line.substring(prefix.length()))) {
          if (!STATE.contains(rule) && "#><!".indexOf(rule.charAt(0)) < 0) {
            rules.add(rule);
          }
        }
        return rules;
      }
    }
    throw new IllegalArgumentException("ACL LIST has no user '" + user + "'");
  }

  /** Space-separated rules; a selector in parentheses ({@code (~k* +get)}) stays one rule. */
  static List<String> tokens(String rules) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char c : rules.toCharArray()) {
      if (c == ' ' && depth == 0) {
        if (!current.isEmpty()) {
          out.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      current.append(c);
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  private static String sha256(String password) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
