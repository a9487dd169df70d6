package dev.keyturn.testing.fakes;

/**
 * A failure a test asked a fake for ({@link FakePort#failNext}, {@link FakePort#failAlways}): what
 * a lost connection, a throttled call or an unavailable table looks like to the caller.
 */
public final class InjectedFault extends IllegalStateException {

  private final String operation;

  public InjectedFault(String fake, String operation) {
    super("injected fault: " + fake + "." + operation);
    this.operation = operation;
  }

  public String operation() {
    return operation;
  }
}
