package dev.keyturn.rotate.lifecycle;

import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.Source;
import dev.keyturn.rotate.retire.CredentialRetirement;
import dev.keyturn.rotate.retire.Retirement;
import dev.keyturn.rotate.retire.RetirementNotPossibleException;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretStages;
import dev.keyturn.secrets.Stages;
import java.util.List;
import java.util.Optional;

/**
 * Retires what a confirmed rotation replaced; the life cycle calls it only once the rotation is
 * {@code confirmed}. Every branch is safe to repeat: a retired credential is found retired in the
 * ledger, an evicted label is found gone.
 *
 * <ul>
 *   <li>a vendor-issued credential (the generator type has a {@code VendorCredentials} adapter):
 *       retired at the vendor by the id the credential ledger recorded for the previous version
 *       ({@link CredentialRetirement#retireVersion}); without a ledger record (a credential keyturn
 *       did not issue), by AWSPREVIOUS's value ({@link CredentialRetirement#retire});
 *   <li>a generated value in Secrets Manager: the AWSPREVIOUS label taken off the old version, so
 *       webhook verification and {@code keyturn run} stop accepting or reading it;
 *   <li>a generated value in SSM: the {@code previous} label taken off the version before;
 *   <li>an operator entry (no generator): nothing keyturn can retire. It stays {@code confirmed}.
 *       Retire-at-vendor tasks (the rotation modes' operator tasks) plug in here: the entry reaches
 *       {@code retired} when its task is closed.
 * </ul>
 */
public final class OldVersions {

  /** What {@link #retire} did. */
  record Outcome(boolean retired, String detail) {
    static Outcome retired(String detail) {
      return new Outcome(true, detail);
    }

    static Outcome waiting(String detail) {
      return new Outcome(false, detail);
    }
  }

  static final String OPERATOR = "operator-entry";
  static final String NOT_CURRENT = "version-not-current";

  private final SecretStages secrets;
  private final ParameterStore parameters;
  private final Vendors vendors;
  private final CredentialRetirement retirement;

  public OldVersions(
      SecretStages secrets,
      ParameterStore parameters,
      Vendors vendors,
      CredentialRetirement retirement) {
    this.secrets = secrets;
    this.parameters = parameters;
    this.vendors = vendors;
    this.retirement = retirement;
  }

  Outcome retire(RotatedVersion v) {
    GeneratorSpec generator = v.entry().generator();
    if (generator == null) {
      // operator mode: a retire-at-vendor task would close this (not on main yet)
      return Outcome.waiting(OPERATOR);
    }
    return switch (v.source()) {
      case Source.SecretsManager sm -> secretsManager(v, sm.id(), generator.type());
      case Source.SsmParameter p -> parameter(v, p.id());
    };
  }

  private Outcome secretsManager(RotatedVersion v, String secretId, String type) {
    SecretDescription d = secrets.require(secretId);
    if (!d.hasStage(v.versionId(), Stages.CURRENT)) {
      // moved on (a rotation in flight, or by hand): the next completed rotation is driven instead
      return Outcome.waiting(NOT_CURRENT);
    }
    Optional<String> previous = d.versionWith(Stages.PREVIOUS);
    if (vendors.issuerFor(type).isPresent()) {
      return Outcome.retired(credential(secretId, previous));
    }
    if (previous.isEmpty()) {
      return Outcome.retired("nothing-to-evict");
    }
    secrets.removeStage(secretId, Stages.PREVIOUS, previous.get());
    return Outcome.retired("previous-evicted");
  }

  private String credential(String secretId, Optional<String> previous) {
    if (previous.isEmpty()) {
      return "nothing-to-retire";
    }
    Retirement r;
    try {
      r = retirement.retireVersion(secretId, previous.get());
    } catch (RetirementNotPossibleException noLedgerRecord) {
      r = retirement.retire(secretId);
    }
    return r.outcome();
  }

  /** The sweep puts {@code previous} on the version before the one it makes current. */
  private Outcome parameter(RotatedVersion v, String name) {
    ParameterInfo info = parameters.describe(List.of(name)).get(name);
    long version = Long.parseLong(v.versionId());
    if (info == null || info.version() != version) {
      return Outcome.waiting(NOT_CURRENT);
    }
    if (version > 1) {
      parameters.unlabel(name, version - 1, Stages.PARAMETER_PREVIOUS);
    }
    return Outcome.retired("previous-evicted");
  }
}
