package dev.keyturn.local;

/** An emulator (moto_server or DynamoDB Local) did not come up or did not answer as expected. */
public final class EmulatorStartException extends RuntimeException {

  public EmulatorStartException(String emulator, String reason) {
    super(emulator + ": " + reason);
  }

  public EmulatorStartException(String emulator, String reason, Throwable cause) {
    super(emulator + ": " + reason, cause);
  }
}
