package dev.keyturn.rotate.protocol;

import dev.keyturn.rotate.vendor.IssueJournal;
import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import java.time.Clock;
import java.util.Optional;

/**
 * createSecret for a vendor-issued credential: the adapter issues a new one next to the current
 * one, recording in the credential ledger that it is about to ask and what it got, and the value is
 * stored at once as AWSPENDING (retried in-process). If every store fails, or the process dies
 * after the vendor answered, the credential exists at the vendor but nowhere else; the ledger then
 * tells the next attempt for the same version to find and remove it before issuing another.
 */
final class VendorIssuance {

  private final CredentialLedger ledger;
  private final IssuedValueWriter store;
  private final Clock clock;

  VendorIssuance(CredentialLedger ledger, IssuedValueWriter store, Clock clock) {
    this.ledger = ledger;
    this.store = store;
    this.clock = clock;
  }

  /** Issues, records and stores; returns the step's outcome code. */
  String issue(StepContext c, VendorCredentials vendor, String currentValue) {
    Optional<CredentialRecord> earlier = ledger.credential(c.name(), c.token());
    IssueJournal journal = new LedgerJournal(c, vendor.generatorType(), earlier);
    IssuedCredential issued =
        vendor.issue(
            new IssueRequest(c.name(), c.token(), c.generatorOptions(), currentValue, journal));
    store.store(c, issued.value());
    return earlier.isPresent() ? "issued-again" : "issued";
  }

  private final class LedgerJournal implements IssueJournal {
    private final StepContext c;
    private final String vendor;
    private final Optional<CredentialRecord> earlier;

    LedgerJournal(StepContext c, String vendor, Optional<CredentialRecord> earlier) {
      this.c = c;
      this.vendor = vendor;
      this.earlier = earlier;
    }

    @Override
    public boolean askedBefore() {
      return earlier.isPresent();
    }

    @Override
    public Optional<String> issuedBefore() {
      return earlier.map(CredentialRecord::credentialId);
    }

    @Override
    public void issuing() {
      ledger.issuing(c.name(), c.token(), vendor, clock.instant());
    }

    @Override
    public void issued(String credentialId) {
      ledger.issued(c.name(), c.token(), credentialId, clock.instant());
    }
  }
}
