package dev.keyturn.cli;

/** The command cannot run as invoked (missing configuration, conflicting options). Exit 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
