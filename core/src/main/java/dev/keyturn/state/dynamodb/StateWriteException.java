package dev.keyturn.state.dynamodb;

/** A state write could not be completed. */
public class StateWriteException extends RuntimeException {
  public StateWriteException(String table, String what) {
    super("state table " + table + ": " + what);
  }
}
