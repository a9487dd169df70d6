package dev.keyturn.sync.sink;

import java.util.List;

/**
 * A target's request budget (rate limit) cannot cover more work: this target and the remaining
 * targets of its kind are deferred to a later run. Names what was already written to this target.
 */
public class SinkDeferredException extends RuntimeException {

  private final String reason;
  private final List<String> written;

  public SinkDeferredException(String reason, List<String> written) {
    super("deferred: " + reason + (written.isEmpty() ? "" : "; already written " + written));
    this.reason = reason;
    this.written = List.copyOf(written);
  }

  /** A reason code, e.g. {@code rate_limit_low:12} or {@code github:secondary_rate_limit}. */
  public String reason() {
    return reason;
  }

  /** Variables written (set or deleted) before the budget ran out. */
  public List<String> written() {
    return written;
  }
}
