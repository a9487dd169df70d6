package dev.keyturn.rotate.retire;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import dev.keyturn.state.InventoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes vendor-issued credentials that a rotation replaced, one version at a time, each step
 * idempotent and recorded (credential ledger and audit {@code credential.retire}):
 *
 * <ul>
 *   <li>{@link #retireVersion} / {@link #retire}: the rotation life cycle, once the rotation that
 *       replaced the credential is {@code confirmed} and its grace passed ({@code OldVersions});
 *   <li>{@link #retirePrevious}: AWSPREVIOUS's credential, at the start of the next rotation
 *       (normally found retired already by the life cycle; it frees a vendor slot, as IAM's two
 *       keys per user, when the next rotation starts before the last one was retired).
 * </ul>
 *
 * finishSecret stops nothing: the old credential works until the life cycle retires it.
 *
 * <p>Never touches a credential whose id is the AWSCURRENT one's.
 */
public final class CredentialRetirement {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialRetirement.class);

  private final InventoryStore inventory;
  private final SecretStages secrets;
  private final Vendors vendors;
  private final CredentialLedger ledger;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  public CredentialRetirement(
      InventoryStore inventory,
      SecretStages secrets,
      Vendors vendors,
      CredentialLedger ledger,
      AuditLog audit,
      Clock clock,
      String actor) {
    this.inventory = inventory;
    this.secrets = secrets;
    this.vendors = vendors;
    this.ledger = ledger;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * Retires AWSPREVIOUS's credential of the secret whose source is {@code secretId}.
   *
   * @throws RetirementNotPossibleException when no entry has it, it has no AWSCURRENT value, or its
   *     generator type has no vendor adapter
   */
  public Retirement retire(String secretId) {
    SecretEntry entry = entry(secretId);
    SecretDescription metadata = secrets.require(secretId);
    return retirePrevious(entry, secretId, metadata, current(entry, secretId, metadata));
  }

  private SecretEntry entry(String secretId) {
    return inventory
        .secretBySourceId(secretId)
        .orElseThrow(
            () -> new RetirementNotPossibleException(secretId, "no inventory entry has it"));
  }

  private String current(SecretEntry entry, String secretId, SecretDescription metadata) {
    return metadata
        .versionWith(Stages.CURRENT)
        .flatMap(v -> secrets.value(secretId, v, Stages.CURRENT))
        .orElseThrow(() -> new RetirementNotPossibleException(entry.name(), "no AWSCURRENT value"));
  }

  /**
   * Retires the credential that version {@code versionId} of the secret held, by the id the
   * credential ledger recorded for it.
   *
   * @throws RetirementNotPossibleException as {@link #retire(String)}, or when the ledger has no
   *     credential id for that version
   */
  public Retirement retireVersion(String secretId, String versionId) {
    SecretEntry entry = entry(secretId);
    String id =
        ledger
            .credential(entry.name(), versionId)
            .map(CredentialRecord::credentialId)
            .orElseThrow(() ->
                new RetirementNotPossibleException(
                    entry.name(), "no credential recorded for version " + versionId));
    return stop(
        entry, vendorOf(entry), versionId, id, current(entry, secretId, secrets.require(secretId)));
  }

  /** Removes AWSPREVIOUS's credential at the vendor for good, unless it is already gone. */
  public Retirement retirePrevious(
      SecretEntry entry, String secretId, SecretDescription metadata, String currentValue) {
    VendorCredentials vendor = vendorOf(entry);
    Optional<String> previous = metadata.versionWith(Stages.PREVIOUS);
    Optional<String> oldValue = previous.flatMap(v -> secrets.value(secretId, v, Stages.PREVIOUS));
    if (oldValue.isEmpty()) {
      return new Retirement(Retirement.NOTHING, previous.orElse(null), null);
    }
    return idOf(entry, vendor, previous.get(), oldValue.get())
        .map(id -> stop(entry, vendor, previous.get(), id, currentValue))
        .orElse(new Retirement(Retirement.NOT_A_CREDENTIAL, previous.get(), null));
  }

  private Optional<String> idOf(
      SecretEntry entry, VendorCredentials vendor, String version, String value) {
    try {
      return Optional.of(vendor.credentialId(value));
    } catch (MalformedSecretValueException malformed) {
      LOG.warn(
          "{} version {} holds no {} credential: nothing to retire",
          entry.name(),
          version,
          vendor.generatorType());
      return Optional.empty();
    }
  }

  private Retirement stop(
      SecretEntry entry, VendorCredentials vendor, String version, String id, String currentValue) {
    if (id.equals(vendor.credentialId(currentValue))) {
      LOG.warn("{} version {} holds the live credential {}: left alone", entry.name(), version, id);
      return new Retirement(Retirement.SAME_AS_CURRENT, version, id);
    }
    Optional<CredentialRecord.Status> recorded =
        ledger.credential(entry.name(), version).map(CredentialRecord::status);
    if (recorded.filter(s -> s == CredentialRecord.Status.RETIRED).isPresent()) {
      return new Retirement(Retirement.ALREADY + Retirement.RETIRED, version, id);
    }
    Superseded old = new Superseded(entry.name(), options(entry), id, currentValue);
    Instant at = clock.instant();
    vendor.retire(old);
    ledger.retired(entry.name(), version, id, at);
    return recorded(entry, vendor, new Retirement(Retirement.RETIRED, version, id), at);
  }

  private Retirement recorded(
      SecretEntry entry, VendorCredentials vendor, Retirement r, Instant at) {
    String action = "retire";
    audit.record(
        AuditEvent.of(at, actor, "credential." + action, entry.name(), r.outcome())
            .withVersions(java.util.List.of(r.versionId()))
            .withDetail(
                Map.of("generator", vendor.generatorType(), "credentialId", r.credentialId())));
    LOG.info(
        "{} of {} version {}: credential {} {}",
        action,
        entry.name(),
        r.versionId(),
        r.credentialId(),
        r.outcome());
    return r;
  }

  private VendorCredentials vendorOf(SecretEntry entry) {
    String type = entry.generatorSpec().map(GeneratorSpec::type).orElse(null);
    return vendors
        .issuerFor(type)
        .orElseThrow(() ->
            new RetirementNotPossibleException(
                entry.name(), "generator type " + type + " is not issued by a vendor"));
  }

  private static Map<String, String> options(SecretEntry entry) {
    return entry.generatorSpec().map(GeneratorSpec::options).orElse(Map.of());
  }
}
