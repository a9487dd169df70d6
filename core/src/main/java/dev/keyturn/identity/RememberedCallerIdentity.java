package dev.keyturn.identity;

/**
 * Asks once and remembers the answer for the life of the process: a principal does not change while
 * its credentials are renewed (SnapStart's restore hook renews them, the role stays). A failure is
 * not remembered, so the next call asks again.
 */
public final class RememberedCallerIdentity implements CallerIdentityReader {

  private final CallerIdentityReader delegate;
  private volatile CallerIdentity known;

  public RememberedCallerIdentity(CallerIdentityReader delegate) {
    this.delegate = delegate;
  }

  @Override
  public CallerIdentity current() {
    CallerIdentity id = known;
    if (id == null) {
      id = delegate.current();
      known = id;
    }
    return id;
  }
}
