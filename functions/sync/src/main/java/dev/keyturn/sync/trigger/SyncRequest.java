package dev.keyturn.sync.trigger;

/**
 * What one invocation asks for.
 *
 * @param scope which sinks
 * @param dryRun plan only: never PATCH, answer with masked values
 * @param trigger a short label for logs and audit ({@code schedule}, {@code ssm-change}, ...)
 * @param raiseWhenIncomplete true for asynchronous events: an app that could not be synced makes
 *     the invocation fail, so Lambda retries it and, in the end, sends it to the DLQ
 */
public record SyncRequest(
    Scope scope, boolean dryRun, String trigger, boolean raiseWhenIncomplete) {

  public static SyncRequest event(Scope scope, String trigger) {
    return new SyncRequest(scope, false, trigger, true);
  }

  public static SyncRequest ignored(String trigger, String reason) {
    return new SyncRequest(new Scope.Nothing(reason), false, trigger, false);
  }
}
