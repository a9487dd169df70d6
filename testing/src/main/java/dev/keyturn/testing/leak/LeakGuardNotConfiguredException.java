package dev.keyturn.testing.leak;

/** The leak guard cannot see the log output it is supposed to check. */
public final class LeakGuardNotConfiguredException extends IllegalStateException {

  public LeakGuardNotConfiguredException(String message) {
    super(message);
  }
}
