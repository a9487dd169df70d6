package dev.keyturn.rotate.fakes;

import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The credential ledger in memory, with the DynamoDB adapter's rules (times never go back). */
public final class InMemoryCredentialLedger implements CredentialLedger {

  private final Map<String, CredentialRecord> records = new HashMap<>();

  @Override
  public void issuing(String secretName, String versionId, String vendor, Instant at) {
    CredentialRecord r = get(secretName, versionId);
    put(
        new CredentialRecord(
            secretName,
            versionId,
            vendor,
            r.credentialId(),
            r.issuingAt() == null ? at : r.issuingAt(),
            r.issuedAt(),
            r.deactivatedAt(),
            r.retiredAt()));
  }

  @Override
  public void issued(String secretName, String versionId, String credentialId, Instant at) {
    CredentialRecord r = get(secretName, versionId);
    put(
        new CredentialRecord(
            secretName,
            versionId,
            r.vendor(),
            credentialId,
            r.issuingAt(),
            at,
            r.deactivatedAt(),
            r.retiredAt()));
  }

  @Override
  public void deactivated(String secretName, String versionId, String credentialId, Instant at) {
    CredentialRecord r = get(secretName, versionId);
    put(
        new CredentialRecord(
            secretName,
            versionId,
            r.vendor(),
            credentialId,
            r.issuingAt(),
            r.issuedAt(),
            at,
            r.retiredAt()));
  }

  @Override
  public void retired(String secretName, String versionId, String credentialId, Instant at) {
    CredentialRecord r = get(secretName, versionId);
    put(
        new CredentialRecord(
            secretName,
            versionId,
            r.vendor(),
            credentialId,
            r.issuingAt(),
            r.issuedAt(),
            r.deactivatedAt(),
            at));
  }

  @Override
  public Optional<CredentialRecord> credential(String secretName, String versionId) {
    return Optional.ofNullable(records.get(secretName + "/" + versionId));
  }

  private CredentialRecord get(String secretName, String versionId) {
    return credential(secretName, versionId)
        .orElse(new CredentialRecord(secretName, versionId, null, null, null, null, null, null));
  }

  private void put(CredentialRecord r) {
    records.put(r.secretName() + "/" + r.versionId(), r);
  }
}
