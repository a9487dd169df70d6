package dev.keyturn.rotate.refusal;

/**
 * {@code --force} was asked for an entry no refusal guard can refuse: it signs no webhook whose
 * sender keyturn cannot reach, or keyturn does not make its value. Names the entry.
 */
public final class NothingToForceException extends RuntimeException {

  public NothingToForceException(String name, String why) {
    super("--force has nothing to override for " + name + ": " + why);
  }
}
