package dev.keyturn.sync.sink;

import java.util.List;

/**
 * The target's lease was taken over since this invocation took it (it ran out, and another sync
 * took it): nothing more is written; reason {@code lease_lost}. A newer sync has read newer values
 * and writes them itself.
 */
public final class LeaseLostException extends SinkCallException {

  public static final String REASON = "lease_lost";

  public LeaseLostException() {
    super(REASON);
  }

  private LeaseLostException(List<String> written) {
    super(REASON, written);
  }

  @Override
  public SinkCallException after(List<String> alreadyWritten) {
    return new LeaseLostException(alreadyWritten);
  }
}
