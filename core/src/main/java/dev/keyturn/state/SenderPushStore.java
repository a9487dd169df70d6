package dev.keyturn.state;

import java.util.List;
import java.util.Optional;

/**
 * What keyturn pushed to webhook senders with an API, one record per source and secret version, so
 * a retried rotation does not push the same version again.
 */
public interface SenderPushStore {

  /** The push of this version to the source's sender, if one was recorded. */
  Optional<SenderPush> push(String source, String versionId);

  /**
   * Records a push. A record for the same source and version already there is kept (its time is the
   * first push's), so recording twice is harmless.
   */
  void recordPush(SenderPush push);

  /** Every push recorded for the source, newest first. */
  List<SenderPush> pushes(String source);
}
