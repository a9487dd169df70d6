package dev.keyturn.sync.trigger;

import static dev.keyturn.sync.trigger.EventFields.flag;
import static dev.keyturn.sync.trigger.EventFields.map;
import static dev.keyturn.sync.trigger.EventFields.text;
import static dev.keyturn.sync.trigger.EventFields.texts;

import dev.keyturn.secrets.Stages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the event an invocation received into a {@link SyncRequest}. Understands keyturn's own
 * {@code SecretRotated}, SSM {@code Parameter Store Change}, Secrets Manager {@code PutSecretValue}
 * / {@code UpdateSecretVersionStage} via CloudTrail, the scheduled event (drift repair), and a
 * direct invocation {@code {"dryRun": true, "app": "..."}} ({@code "target"} for any kind's key).
 */
public final class TriggerParser {

  private TriggerParser() {}

  public static SyncRequest parse(Map<String, Object> event) {
    if (event == null) {
      return SyncRequest.ignored("unknown", "empty event");
    }
    String detailType = text(event, "detail-type");
    if (detailType == null) {
      return direct(event);
    }
    Map<?, ?> detail = map(event, "detail");
    return switch (detailType) {
      case "Scheduled Event" -> SyncRequest.event(new Scope.AllSinks(), "schedule");
      case "SecretRotated" -> secretRotated(detail);
      case "Parameter Store Change" -> parameterChange(detail);
      case "AWS API Call via CloudTrail" -> cloudTrail(detail);
      default -> SyncRequest.ignored(detailType, "unrecognised event type");
    };
  }

  private static SyncRequest direct(Map<String, Object> event) {
    boolean dryRun = flag(event, "dryRun");
    String app = text(event, "app") != null ? text(event, "app") : text(event, "target");
    String secret = text(event, "secret");
    Scope scope;
    if (app != null) {
      scope = new Scope.App(app);
    } else if (secret != null) {
      scope = new Scope.Secrets(Set.of(secret));
    } else {
      scope = new Scope.AllSinks();
    }
    return new SyncRequest(scope, dryRun, "direct", false);
  }

  /**
   * keyturn's rotate function names the entry ({@code secretName}) and its source ({@code
   * secretArn}); either may be an inventory name or a source id, so both go in and each is resolved
   * whichever way it matches.
   */
  private static SyncRequest secretRotated(Map<?, ?> detail) {
    Set<String> ids =
        firstPresent(detail, "secretName", "name", "secretId", "secretArn", "arn", "sourceId");
    if (ids.isEmpty()) {
      return SyncRequest.ignored("secret-rotated", "event names no secret");
    }
    return SyncRequest.event(new Scope.Sources(ids), "secret-rotated");
  }

  private static SyncRequest parameterChange(Map<?, ?> detail) {
    String name = text(detail, "name");
    if (name == null) {
      return SyncRequest.ignored("ssm-change", "event names no parameter");
    }
    if ("Delete".equalsIgnoreCase(text(detail, "operation"))) {
      return SyncRequest.ignored("ssm-change", "parameter deleted");
    }
    return SyncRequest.event(new Scope.Sources(Set.of(name)), "ssm-change");
  }

  private static SyncRequest cloudTrail(Map<?, ?> detail) {
    String call = text(detail, "eventName");
    String label = "cloudtrail:" + call;
    if (!"secretsmanager.amazonaws.com".equals(text(detail, "eventSource"))) {
      return SyncRequest.ignored(label, "not a Secrets Manager call");
    }
    if (text(detail, "errorCode") != null) {
      return SyncRequest.ignored(label, "the call failed");
    }
    Map<?, ?> request = map(detail, "requestParameters");
    boolean madeCurrent =
        switch (call == null ? "" : call) {
          case "PutSecretValue" -> {
            List<String> stages = texts(request, "versionStages");
            yield stages.isEmpty() || stages.contains(Stages.CURRENT);
          }
          case "UpdateSecretVersionStage" ->
              Stages.CURRENT.equals(text(request, "versionStage"))
                  && text(request, "moveToVersionId") != null;
          default -> false;
        };
    if (!madeCurrent) {
      return SyncRequest.ignored(label, "the current value did not change");
    }
    Set<String> ids = new LinkedHashSet<>();
    addIfPresent(ids, text(request, "secretId"));
    addIfPresent(ids, text(map(detail, "responseElements"), "arn"));
    if (ids.isEmpty()) {
      return SyncRequest.ignored(label, "event names no secret");
    }
    return SyncRequest.event(new Scope.Sources(ids), label);
  }

  private static Set<String> firstPresent(Map<?, ?> detail, String... keys) {
    Set<String> out = new LinkedHashSet<>();
    for (String key : keys) {
      addIfPresent(out, text(detail, key));
    }
    return out;
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }
}
