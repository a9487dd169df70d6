package dev.keyturn.testing.fakes;

import dev.keyturn.state.CredentialLedger;
import dev.keyturn.state.CredentialRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credential ledger in a map, updated like {@code DynamoCredentialLedger}: {@code issuing}
 * keeps the first time and sets the vendor; {@code issued}, {@code deactivated} and {@code retired}
 * each set the credential id and their own time, so the status (read from which times are set)
 * never moves back.
 */
public final class FakeCredentialLedger extends FakePort implements CredentialLedger {

  private final Map<String, CredentialRecord> records = new LinkedHashMap<>();

  @Override
  public synchronized void issuing(String secretName, String versionId, String vendor, Instant at) {
    enter("issuing");
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
  public synchronized void issued(
      String secretName, String versionId, String credentialId, Instant at) {
    enter("issued");
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
  public synchronized void deactivated(
      String secretName, String versionId, String credentialId, Instant at) {
    enter("deactivated");
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
  public synchronized void retired(
      String secretName, String versionId, String credentialId, Instant at) {
    enter("retired");
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
  public synchronized Optional<CredentialRecord> credential(String secretName, String versionId) {
    enter("credential");
    return Optional.ofNullable(records.get(key(secretName, versionId)));
  }

  /** Every record, in the order first written (neither counted nor failed). */
  public synchronized List<CredentialRecord> records() {
    return List.copyOf(records.values());
  }

  private CredentialRecord get(String secretName, String versionId) {
    CredentialRecord r = records.get(key(secretName, versionId));
    return r != null
        ? r
        : new CredentialRecord(secretName, versionId, null, null, null, null, null, null);
  }

  private void put(CredentialRecord r) {
    records.put(key(r.secretName(), r.versionId()), r);
  }

  private static String key(String secretName, String versionId) {
    return secretName + "#" + versionId;
  }
}
