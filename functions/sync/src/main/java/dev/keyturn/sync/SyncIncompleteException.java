package dev.keyturn.sync;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event-triggered sync left apps out of line (busy, failed, rate-limited). Thrown so that Lambda
 * retries the event and, in the end, sends it to the dead-letter queue. Names apps and reasons
 * only.
 */
public class SyncIncompleteException extends RuntimeException {

  private final List<AppResult> apps;

  public SyncIncompleteException(String trigger, List<AppResult> apps) {
    super(
        "sync ("
            + trigger
            + ") incomplete: "
            + apps.stream()
                .map(a ->
                    a.app()
                        + "="
                        + a.outcome()
                        + (a.reason() == null ? "" : "(" + a.reason() + ")"))
                .collect(Collectors.joining(", ")));
    this.apps = List.copyOf(apps);
  }

  public List<AppResult> apps() {
    return apps;
  }
}
