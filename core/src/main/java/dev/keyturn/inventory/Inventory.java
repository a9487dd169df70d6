package dev.keyturn.inventory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed inventory file: every logical secret keyturn manages and every webhook source it
 * verifies. Holds names, sources and metadata only, never a secret value.
 *
 * @param version file format version (1)
 * @param vendors extra vendor codes beyond the built-in taxonomy list
 * @param functions extra {@code function} tag values beyond the built-in taxonomy list
 * @param consumers extra {@code consumer} tag values beyond the built-in taxonomy list
 * @param vendorIssuedFunctions those extra functions declared {@code issuedBy: vendor}: their
 *     credentials are issued by a vendor, so no generator may invent them
 */
public record Inventory(
    int version,
    Set<String> vendors,
    Set<String> functions,
    Set<String> consumers,
    List<SecretEntry> secrets,
    List<WebhookEntry> webhooks,
    Set<String> vendorIssuedFunctions) {

  public Inventory {
    vendors = Set.copyOf(vendors);
    functions = Set.copyOf(functions);
    consumers = Set.copyOf(consumers);
    secrets = List.copyOf(secrets);
    webhooks = List.copyOf(webhooks);
    vendorIssuedFunctions = Set.copyOf(vendorIssuedFunctions);
  }

  /** An inventory whose extra functions declare no issuer. */
  public Inventory(
      int version,
      Set<String> vendors,
      Set<String> functions,
      Set<String> consumers,
      List<SecretEntry> secrets,
      List<WebhookEntry> webhooks) {
    this(version, vendors, functions, consumers, secrets, webhooks, Set.of());
  }

  public Optional<SecretEntry> secret(String name) {
    return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<WebhookEntry> webhook(String source) {
    return webhooks.stream().filter(w -> w.source().equals(source)).findFirst();
  }
}
