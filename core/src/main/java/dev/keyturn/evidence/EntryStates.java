package dev.keyturn.evidence;

import dev.keyturn.inventory.SecretEntry;
import java.util.List;

/** Reads each entry's rotation and sink state (from the table and source metadata). */
public interface EntryStates {

  /** One per entry, sorted by name. */
  List<EntryState> read(List<SecretEntry> entries);

  /** An entry's matrix row and sinks. */
  record EntryState(MatrixRow row, List<SinkRow> sinks) {
    public EntryState {
      sinks = List.copyOf(sinks);
    }
  }
}
