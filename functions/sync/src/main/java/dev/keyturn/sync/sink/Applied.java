package dev.keyturn.sync.sink;

import java.util.List;

/**
 * What an apply did.
 *
 * @param written the variables set or deleted, in order
 * @param releaseId the Heroku release the change made, when read now; else null
 * @param releaseVersion that release's number, or null
 */
public record Applied(List<String> written, String releaseId, Integer releaseVersion) {

  public Applied {
    written = List.copyOf(written);
  }

  public static Applied of(List<String> written) {
    return new Applied(written, null, null);
  }
}
