package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Expiry;
import dev.keyturn.inventory.GeneratorTypes;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rules about how an entry gets its value: no invented values for vendor-issued credentials, and
 * the companions every token carries (seed 002, Appendix B: {@code __EXPIRES_AT} and {@code
 * __SCOPES}, "always").
 */
final class ModeRules {

  static final String VENDOR_ISSUED = "vendor-issued";
  static final String COMPANION_REQUIRED = "companion-required";

  private ModeRules() {}

  /**
   * A generator that invents the value (mode generated) on an entry whose function is issued by a
   * vendor: rotation would "succeed", sync would publish a key the vendor never issued, and the
   * consumer would break.
   */
  static Stream<Finding> vendorIssued(Inventory inventory, LintContext context) {
    Set<String> issued = Taxonomy.vendorIssuedFunctions(inventory);
    return inventory.secrets().stream()
        .filter(e -> e.name() != null && e.generator() != null)
        .filter(e -> GeneratorTypes.modeOf(e.generator().type()) == RotationMode.GENERATED)
        .filter(e -> e.tags().function().filter(issued::contains).isPresent())
        .map(e ->
            Finding.error(
                e.name(),
                VENDOR_ISSUED,
                "generator "
                    + e.generator().type()
                    + " invents the value, but function "
                    + e.tags().function().orElseThrow()
                    + " is a credential the vendor issues: keyturn would publish a key the"
                    + " vendor never issued",
                "remove the generator (the entry becomes operator-assisted: keyturn rotate "
                    + e.name()
                    + " --from-stdin), or use the vendor's generator type if keyturn has one"));
  }

  /**
   * Every token records when it expires and what it may do: {@code expiresAt} (an instant or {@code
   * non-expiring}) and {@code scopes}, on the entry or as {@code <NAME>__EXPIRES_AT} / {@code
   * <NAME>__SCOPES} companion entries.
   */
  static Stream<Finding> companionsRequired(Inventory inventory, LintContext context) {
    Set<String> names =
        inventory.secrets().stream()
            .map(SecretEntry::name)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return inventory.secrets().stream()
        .filter(e -> e.name() != null && !e.name().contains("__"))
        .flatMap(e -> {
          List<String> missing = new ArrayList<>();
          if (e.expiresAt() == null && !names.contains(e.name() + "__EXPIRES_AT")) {
            missing.add("__EXPIRES_AT (`expiresAt`)");
          }
          if (e.scopes().isEmpty() && !names.contains(e.name() + "__SCOPES")) {
            missing.add("__SCOPES (`scopes`)");
          }
          if (missing.isEmpty()) {
            return Stream.empty();
          }
          return Stream.of(
              Finding.error(
                  e.name(),
                  COMPANION_REQUIRED,
                  "missing companion " + String.join(" and ", missing),
                  "add `expiresAt: <ISO-8601 UTC instant or "
                      + Expiry.NON_EXPIRING
                      + ">` and `scopes: [<exact vendor permission strings>]`"));
        });
  }
}
