package dev.keyturn.rotate.refusal;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RotationOverride;
import dev.keyturn.state.RotationOverrideStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code keyturn rotate NAME --force}: grants the entry's next rotation a one-shot override of the
 * sender refusal ({@link SenderRefusal}) and of the unconfirmed-rotation refusal of a vendor-issued
 * credential ({@link UnconfirmedRefusal}), in the table, because Secrets Manager hands the rotation
 * function only the secret, the token and the step. The override names the STS principal the CLI
 * runs as and lapses after {@code lifetime} unused; granting it is audited ({@code
 * rotation.forced}, outcome {@code granted}).
 */
public final class ForceRotation {

  private final InventoryStore inventory;
  private final RotationOverrideStore overrides;
  private final CallerIdentityReader identity;
  private final AuditLog audit;
  private final Clock clock;
  private final UnconfirmedCheck unconfirmed;

  /** Overrides the sender refusal only (no vendor-issued types known). */
  public ForceRotation(
      InventoryStore inventory,
      RotationOverrideStore overrides,
      CallerIdentityReader identity,
      AuditLog audit,
      Clock clock) {
    this(inventory, overrides, identity, audit, clock, null);
  }

  /**
   * @param unconfirmed says which entries are vendor-issued with a last rotation not yet confirmed;
   *     null when none can be
   */
  public ForceRotation(
      InventoryStore inventory,
      RotationOverrideStore overrides,
      CallerIdentityReader identity,
      AuditLog audit,
      Clock clock,
      UnconfirmedCheck unconfirmed) {
    this.unconfirmed = unconfirmed;
    this.inventory = inventory;
    this.overrides = overrides;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What {@code --force} would override: the webhook sources whose senders keyturn cannot reach,
   * and, for a vendor-issued credential whose last rotation is not yet confirmed, that rotation
   * ({@code last rotation <version> (<stage>)}).
   *
   * @throws NothingToForceException when the entry has none
   */
  public List<String> overridable(SecretEntry entry) {
    if (entry.generator() == null) {
      throw new NothingToForceException(
          entry.name(), "its value is supplied by a person, never refused for a sender");
    }
    List<String> sources =
        new ArrayList<>(
            SenderCheck.unreachableSenders(entry, inventory.webhooks()).stream()
                .map(w -> w.source())
                .toList());
    if (unconfirmed != null) {
      unconfirmed
          .unconfirmed(entry)
          .ifPresent(last ->
              sources.add(
                  "last rotation " + last.versionId() + " (" + last.run().stage().label() + ")"));
    }
    if (sources.isEmpty()) {
      throw new NothingToForceException(
          entry.name(),
          unconfirmed != null && unconfirmed.vendorIssued(entry)
              ? "its last rotation is confirmed, and it signs no webhook whose sender keyturn"
                  + " cannot reach"
              : "it signs no webhook whose sender keyturn cannot reach");
    }
    return List.copyOf(sources);
  }

  /**
   * Grants the override, replacing an earlier unused one.
   *
   * @throws NothingToForceException as {@link #overridable}
   * @throws dev.keyturn.identity.CallerUnknownException when STS cannot say who is asking
   */
  public RotationOverride grant(SecretEntry entry, Duration lifetime) {
    List<String> sources = overridable(entry);
    String principal = identity.current().arn();
    Instant now = clock.instant();
    RotationOverride override =
        new RotationOverride(entry.name(), principal, now, now.plus(lifetime));
    overrides.grant(override);
    audit.record(
        AuditEvent.of(now, principal, "rotation.forced", entry.name(), "granted")
            .withDetail(
                Map.of(
                    "sources", String.join(",", sources),
                    "notAfter", override.notAfter().toString())));
    return override;
  }
}
