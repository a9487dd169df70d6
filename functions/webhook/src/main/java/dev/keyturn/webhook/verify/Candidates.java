package dev.keyturn.webhook.verify;

import dev.keyturn.secrets.SecretValue;
import dev.keyturn.webhook.scheme.VerificationResult.Verified;
import java.time.Instant;
import java.util.List;

/**
 * The live versions of one secret as read at one moment, in the order the secret source returns
 * them (AWSCURRENT, AWSPENDING, AWSPREVIOUS). {@link #toString()} shows version ids only.
 *
 * @param versions the versions that have a value
 * @param fetchedAt when they were read
 * @param generation increases with every read, so a caller can tell a newer read from its own
 */
public record Candidates(List<SecretValue> versions, Instant fetchedAt, long generation) {

  public Candidates {
    versions = List.copyOf(versions);
  }

  /** The secret values, for a scheme's verify. */
  public List<String> values() {
    return versions.stream().map(SecretValue::value).toList();
  }

  /** The version ids, in the same order. */
  public List<String> versionIds() {
    return versions.stream().map(SecretValue::versionId).toList();
  }

  /** The version id of the candidate at {@code index}, or null when out of range. */
  public String versionIdAt(int index) {
    return index >= 0 && index < versions.size() ? versions.get(index).versionId() : null;
  }

  /** The delivery {@code verified} with these candidates, with the version that matched. */
  public MatchedDelivery matched(Verified verified) {
    String versionId = versionIdAt(verified.matchedCandidate());
    if (versionId == null) {
      throw new IllegalArgumentException(
          "candidate " + verified.matchedCandidate() + " is not one of " + versionIds());
    }
    return new MatchedDelivery(verified, versionId);
  }

  @Override
  public String toString() {
    return "Candidates[versions=" + versionIds() + ", fetchedAt=" + fetchedAt + "]";
  }
}
