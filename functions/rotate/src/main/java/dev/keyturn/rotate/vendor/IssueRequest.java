package dev.keyturn.rotate.vendor;

import java.util.Map;
import java.util.Objects;

/**
 * What an adapter needs to issue a new credential.
 *
 * @param secretName the inventory name (for errors and descriptions; never a value)
 * @param versionId the Secrets Manager version that will hold the credential
 * @param options the entry's generator options
 * @param currentValue the AWSCURRENT value (it may authenticate the call and names the current
 *     credential, which must survive)
 * @param journal earlier attempts for this version, and where this one is recorded
 */
public record IssueRequest(
    String secretName,
    String versionId,
    Map<String, String> options,
    String currentValue,
    IssueJournal journal) {

  public IssueRequest {
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(versionId, "versionId");
    options = options == null ? Map.of() : Map.copyOf(options);
    Objects.requireNonNull(journal, "journal");
  }

  @Override
  public String toString() {
    return "IssueRequest[secretName=" + secretName + ", versionId=" + versionId + "]";
  }
}
