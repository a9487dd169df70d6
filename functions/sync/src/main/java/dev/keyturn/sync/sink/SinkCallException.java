package dev.keyturn.sync.sink;

import java.util.List;

/**
 * A call to a target failed. Carries a reason code (e.g. {@code heroku:503:service_unavailable},
 * {@code github:422}), never a value or token, and what was already written before it failed.
 */
public class SinkCallException extends RuntimeException {

  private final String reason;
  private final List<String> written;

  public SinkCallException(String reason, List<String> written) {
    super(reason + (written.isEmpty() ? "" : "; already written " + written));
    this.reason = reason;
    this.written = List.copyOf(written);
  }

  public SinkCallException(String reason) {
    this(reason, List.of());
  }

  public String reason() {
    return reason;
  }

  public List<String> written() {
    return written;
  }

  /** The same failure, knowing which variables were written before it. */
  public SinkCallException after(List<String> alreadyWritten) {
    return new SinkCallException(reason, alreadyWritten);
  }
}
