package dev.keyturn.sync.sink;

import java.util.List;

/**
 * What an apply did.
 *
 * @param written the variables set or deleted, in order
 * @param releaseId the Heroku release the change made, when read now; else null
 * @param releaseVersion that release's number, or null
 * @param releaseStatus that release's status as read, or null when not read
 */
public record Applied(
    List<String> written, String releaseId, Integer releaseVersion, ReleaseStatus releaseStatus) {

  public Applied {
    written = List.copyOf(written);
  }

  public Applied(List<String> written, String releaseId, Integer releaseVersion) {
    this(written, releaseId, releaseVersion, releaseId == null ? null : ReleaseStatus.PENDING);
  }

  public static Applied of(List<String> written) {
    return new Applied(written, null, null, null);
  }
}
