package dev.keyturn.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Which secret version each webhook source's sender was last seen signing with: the confirmation,
 * for senders without an API, that they use a rotated secret. The webhook function records a
 * sighting per verified delivery; the rotation life cycle reads the last one.
 */
public interface SenderSightings {

  /**
   * Records that the source's sender signed with {@code versionId} at {@code at}. A sighting older
   * than the one recorded is ignored (deliveries verified out of order, or a repeat), so the record
   * is always the latest delivery's.
   */
  void record(String source, String versionId, Instant at);

  /** The latest sighting of the source's sender, if it was ever seen. */
  Optional<SenderSighting> last(String source);
}
