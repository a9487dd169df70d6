package dev.keyturn.local.moto;

import dev.keyturn.local.LocalAwsUnavailableException;

/**
 * {@code moto_server} cannot be run from this machine's PATH. Carries one line and no stack trace:
 * the fix is an install, not a debugging session.
 */
public final class MotoNotInstalledException extends LocalAwsUnavailableException {

  public static final String MESSAGE =
      "moto_server not found on PATH: install it with pip install 'moto[server]'";

  public MotoNotInstalledException() {
    super(MESSAGE);
  }
}
