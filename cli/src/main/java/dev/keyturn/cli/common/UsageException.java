package dev.keyturn.cli.common;

/** The command cannot run as invoked (missing configuration, conflicting options). Exit 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
