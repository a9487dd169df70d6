package dev.keyturn.inventory.lint;

import dev.keyturn.inventory.Inventory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The vocabulary of the vault token taxonomy (seed 002), extendable by the inventory file. */
public final class Taxonomy {

  public static final List<String> VENDORS =
      List.of("CF", "HK", "PM", "AWS", "ANT", "GH", "STR", "ALP", "INF", "SL", "DH", "DYN");
  public static final List<String> FUNCTIONS =
      List.of(
          "dns-edit",
          "waf-edit",
          "pages-deploy",
          "access-mgmt",
          "access-bypass",
          "platform-api",
          "mail-send",
          "mail-admin",
          "billing-read",
          "billing-write",
          "trading-paper",
          "trading-live",
          "ai-sdk",
          "ci-deploy",
          "agent-identity",
          "repo-read",
          "vault-read",
          "notify");

  /**
   * Functions whose credentials a vendor issues (issue 10): keyturn may ask the vendor's API for a
   * new one (vendor mode) or take one from an operator, but never invent it.
   */
  public static final List<String> VENDOR_ISSUED_FUNCTIONS =
      List.of(
          "dns-edit",
          "waf-edit",
          "pages-deploy",
          "access-mgmt",
          "access-bypass",
          "platform-api",
          "mail-send",
          "mail-admin",
          "billing-read",
          "billing-write",
          "trading-paper",
          "trading-live",
          "ai-sdk",
          "ci-deploy",
          "agent-identity",
          "repo-read",
          "vault-read");

  public static final List<String> CONSUMERS =
      List.of("ci", "console", "agent", "operator", "raptor", "terraform");
  public static final List<String> SENSITIVITIES = List.of("critical", "high", "medium", "low");
  public static final List<String> ROTATIONS =
      List.of("30d", "60d", "90d", "180d", "annual", "non-rotating");
  public static final List<String> COMPANION_SUFFIXES =
      List.of(
          "EXPIRES_AT",
          "SCOPES",
          "CLIENT_ID",
          "KEY_ID",
          "SECRET_KEY",
          "ACCESS_KEY_ID",
          "SECRET_ACCESS_KEY");

  private Taxonomy() {}

  public static Set<String> vendors(Inventory inventory) {
    return union(VENDORS, inventory.vendors());
  }

  public static Set<String> functions(Inventory inventory) {
    return union(FUNCTIONS, inventory.functions());
  }

  /** The built-in vendor-issued functions plus the inventory's {@code issuedBy: vendor} ones. */
  public static Set<String> vendorIssuedFunctions(Inventory inventory) {
    return union(VENDOR_ISSUED_FUNCTIONS, inventory.vendorIssuedFunctions());
  }

  public static Set<String> consumers(Inventory inventory) {
    return union(CONSUMERS, inventory.consumers());
  }

  private static Set<String> union(List<String> builtIn, Set<String> extra) {
    Set<String> all = new LinkedHashSet<>(builtIn);
    all.addAll(extra);
    return all;
  }
}
