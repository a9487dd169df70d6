package dev.keyturn.rotate.lifecycle;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.state.LastRotation;
import java.util.List;

/**
 * The rotation a life cycle is driving: the entry, the source it rotated and its last rotation.
 *
 * @param source the source whose version the rotation made current (for an entry with one source
 *     per environment, the one holding the version)
 */
record RotatedVersion(SecretEntry entry, Source source, LastRotation rotation) {

  String name() {
    return entry.name();
  }

  String versionId() {
    return rotation.versionId();
  }

  String token() {
    return rotation.token();
  }

  /** The target keys of the sinks that publish the rotated source, sorted, once each. */
  List<String> targets() {
    return entry.sinks().stream()
        .filter(s -> source.equals(entry.sourceFor(s.env())))
        .map(Sink::target)
        .distinct()
        .sorted()
        .toList();
  }

  /** Whether the rotated source is the one webhook verification reads (the entry's own). */
  boolean signsWebhooks() {
    return source.equals(entry.source());
  }
}
