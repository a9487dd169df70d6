package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Names follow {@code <VENDOR>_<FUNCTION>[_<SCOPE>]}; companions follow a base; _FULL warns. */
final class NamingRules {

  static final String NAME = "name";
  static final String COMPANION = "companion";
  static final String LEAST_PRIVILEGE = "least-privilege";

  private static final Pattern BASE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

  private NamingRules() {}

  static Stream<Finding> name(Inventory inventory, LintContext context) {
    Set<String> vendors = Taxonomy.vendors(inventory);
    return names(inventory).filter(n -> !n.contains("__")).flatMap(n -> nameFindings(n, vendors));
  }

  private static Stream<Finding> nameFindings(String name, Set<String> vendors) {
    if (!BASE.matcher(name).matches()) {
      return Stream.of(
          Finding.error(
              name,
              NAME,
              "name does not match <VENDOR>_<FUNCTION>[_<SCOPE>] (upper case, `_`-separated)",
              "rename it, e.g. CF_DNS_EDIT_RAXX_APP"));
    }
    String vendor = name.substring(0, name.indexOf('_'));
    if (!vendors.contains(vendor)) {
      return Stream.of(
          Finding.error(
              name,
              NAME,
              "unknown vendor code " + vendor,
              "use one of " + String.join(", ", vendors) + ", or add it under `vendors:`"));
    }
    return Stream.empty();
  }

  static Stream<Finding> companion(Inventory inventory, LintContext context) {
    Set<String> bases = names(inventory).filter(n -> !n.contains("__")).collect(Collectors.toSet());
    return names(inventory)
        .filter(n -> n.contains("__"))
        .flatMap(n -> {
          String base = n.substring(0, n.indexOf("__"));
          String suffix = n.substring(n.indexOf("__") + 2);
          if (!Taxonomy.COMPANION_SUFFIXES.contains(suffix)) {
            return Stream.of(
                Finding.error(
                    n,
                    COMPANION,
                    "unknown companion suffix __" + suffix,
                    "use one of __" + String.join(", __", Taxonomy.COMPANION_SUFFIXES)));
          }
          if (!bases.contains(base)) {
            return Stream.of(
                Finding.error(
                    n,
                    COMPANION,
                    "companion of " + base + ", which is not in the inventory",
                    "add the base entry " + base + " or remove the companion"));
          }
          return Stream.empty();
        });
  }

  static Stream<Finding> leastPrivilege(Inventory inventory, LintContext context) {
    return names(inventory)
        .filter(n -> n.endsWith("_FULL"))
        .map(n ->
            Finding.warning(
                n,
                LEAST_PRIVILEGE,
                "_FULL token: least privilege is not achieved",
                "provision a scoped replacement and retire this one"));
  }

  private static Stream<String> names(Inventory inventory) {
    return inventory.secrets().stream().map(SecretEntry::name).filter(Objects::nonNull);
  }
}
