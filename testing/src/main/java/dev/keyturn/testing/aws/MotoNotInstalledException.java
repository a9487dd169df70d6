package dev.keyturn.testing.aws;

/**
 * {@code moto_server} cannot be run from this machine's PATH. Carries one line and no stack trace:
 * the fix is an install, not a debugging session.
 */
public final class MotoNotInstalledException extends RuntimeException {

  public static final String MESSAGE =
      "moto_server not found on PATH: install it with pip install 'moto[server]'";

  public MotoNotInstalledException() {
    super(MESSAGE, null, false, false);
  }
}
