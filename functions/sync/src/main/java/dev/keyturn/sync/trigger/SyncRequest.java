package dev.keyturn.sync.trigger;

/**
 * What one invocation asks for.
 *
 * @param scope which sinks
 * @param dryRun plan only: never PATCH, answer with masked values
 * @param trigger a short label for logs and audit ({@code schedule}, {@code ssm-change}, ...)
 * @param raiseWhenIncomplete true for asynchronous events: an app that could not be synced makes
 *     the invocation fail, so Lambda retries it and, in the end, sends it to the DLQ
 * @param releaseNow someone waits for the consumer-side evidence (the CLI's operator): read a
 *     Heroku app's new release right after its PATCH; otherwise the api:release webhook reports it
 */
public record SyncRequest(
    Scope scope, boolean dryRun, String trigger, boolean raiseWhenIncomplete, boolean releaseNow) {

  public SyncRequest(Scope scope, boolean dryRun, String trigger, boolean raiseWhenIncomplete) {
    this(scope, dryRun, trigger, raiseWhenIncomplete, false);
  }

  public static SyncRequest event(Scope scope, String trigger) {
    return new SyncRequest(scope, false, trigger, true);
  }

  public static SyncRequest ignored(String trigger, String reason) {
    return new SyncRequest(new Scope.Nothing(reason), false, trigger, false);
  }
}
