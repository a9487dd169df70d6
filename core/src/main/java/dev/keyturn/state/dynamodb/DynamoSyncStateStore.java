package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.SINK_PREFIX;
import static dev.keyturn.state.dynamodb.Items.VAR_PREFIX;

import dev.keyturn.inventory.SinkKey;
import dev.keyturn.state.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code SINK#<kind>#<name> / VAR#<NAME>} (a Heroku app: {@code SINK#heroku#<app>}): last published
 * source version, release, and for targets that cannot be read back the keyed digest of what was
 * published and the target's {@code updated_at} baseline.
 */
public final class DynamoSyncStateStore implements SyncStateStore {

  private static final String SECRET = "secretName";
  private static final String SOURCE_VERSION = "sourceVersion";
  private static final String RELEASE_ID = "releaseId";
  private static final String RELEASE_VERSION = "releaseVersion";
  private static final String SYNCED_AT = "syncedAt";
  private static final String CONFIRMED_AT = "confirmedAt";
  private static final String DIGEST = "digest";
  private static final String REMOTE_UPDATED_AT = "remoteUpdatedAt";

  private final StateTable table;

  public DynamoSyncStateStore(StateTable table) {
    this.table = table;
  }

  @Override
  public Map<String, VarState> vars(String app) {
    Map<String, VarState> out = new LinkedHashMap<>();
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table.name())
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(
                Map.of(":pk", Items.s(pk(app)), ":prefix", Items.s(VAR_PREFIX)))
            .consistentRead(true)
            .build();
    table
        .client()
        .queryPaginator(query)
        .items()
        .forEach(i -> {
          String var = Items.str(i, Items.SK).substring(VAR_PREFIX.length());
          out.put(var, toState(app, var, i));
        });
    return out;
  }

  private static VarState toState(String app, String var, Map<String, AttributeValue> i) {
    return new VarState(
        app,
        var,
        Items.str(i, SECRET),
        Items.str(i, SOURCE_VERSION),
        Items.str(i, RELEASE_ID),
        Items.integer(i, RELEASE_VERSION),
        Items.instant(i, SYNCED_AT),
        Items.instant(i, CONFIRMED_AT),
        Items.str(i, DIGEST),
        Items.instant(i, REMOTE_UPDATED_AT));
  }

  /** The partition of a target: {@code SINK#<kind>#<name>}. */
  static String pk(String target) {
    return SINK_PREFIX + SinkKey.kind(target) + "#" + SinkKey.name(target);
  }

  @Override
  public void recordPublished(String app, List<VarState> vars) {
    List<WriteRequest> writes = new ArrayList<>();
    for (VarState v : vars) {
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item(v)).build()).build());
    }
    new BatchWriter(table).write(writes);
  }

  @Override
  public void forget(String app, List<String> vars) {
    List<WriteRequest> deletes = new ArrayList<>();
    for (String var : vars) {
      deletes.add(
          WriteRequest.builder()
              .deleteRequest(
                  DeleteRequest.builder().key(Items.key(pk(app), VAR_PREFIX + var)).build())
              .build());
    }
    new BatchWriter(table).write(deletes);
  }

  private static Map<String, AttributeValue> item(VarState v) {
    Map<String, AttributeValue> item = new HashMap<>(Items.key(pk(v.app()), VAR_PREFIX + v.var()));
    putIfPresent(item, SECRET, v.secretName());
    putIfPresent(item, SOURCE_VERSION, v.sourceVersion());
    putIfPresent(item, RELEASE_ID, v.releaseId());
    if (v.releaseVersion() != null) {
      item.put(RELEASE_VERSION, Items.n(v.releaseVersion()));
    }
    if (v.syncedAt() != null) {
      item.put(SYNCED_AT, Items.instant(v.syncedAt()));
    }
    if (v.confirmedAt() != null) {
      item.put(CONFIRMED_AT, Items.instant(v.confirmedAt()));
    }
    putIfPresent(item, DIGEST, v.digest());
    if (v.remoteUpdatedAt() != null) {
      item.put(REMOTE_UPDATED_AT, Items.instant(v.remoteUpdatedAt()));
    }
    return item;
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, Items.s(value));
    }
  }

  @Override
  public ReleaseConfirmation confirmRelease(String app, String releaseId, Instant at) {
    Map<String, VarState> vars = vars(app);
    boolean found = false;
    boolean confirmed = false;
    for (VarState v : vars.values()) {
      if (releaseId.equals(v.releaseId())) {
        found = true;
        confirmed |= v.confirmedAt() == null && confirmVar(app, v.var(), releaseId, at);
      }
    }
    if (!found) {
      for (VarState v : vars.values()) {
        if (v.releasePending() && !v.syncedAt().isAfter(at)) {
          confirmed |= confirmPending(app, v.var(), releaseId, at);
        }
      }
      return confirmed ? ReleaseConfirmation.CONFIRMED : ReleaseConfirmation.UNKNOWN;
    }
    return confirmed ? ReleaseConfirmation.CONFIRMED : ReleaseConfirmation.ALREADY_CONFIRMED;
  }

  /**
   * Sets the var's confirmation time unless a concurrent report did, or sync republished the var in
   * a newer release since it was read. A failed condition returns the item: when it holds this
   * release confirmed at exactly {@code at}, it is this call's own update, applied by an attempt
   * whose answer was lost and found by the SDK's retry, so it still counts as the first report.
   */
  private boolean confirmVar(String app, String var, String releaseId, Instant at) {
    return update(
        app,
        var,
        "SET #c = :at",
        "#r = :release AND attribute_not_exists(#c)",
        Map.of("#c", CONFIRMED_AT, "#r", RELEASE_ID),
        releaseId,
        at);
  }

  /**
   * A release-pending var: this release carries it. Conditional on it still being pending (no
   * release recorded, not confirmed), so a concurrent report or a newer publish wins.
   */
  private boolean confirmPending(String app, String var, String releaseId, Instant at) {
    return update(
        app,
        var,
        "SET #c = :at, #r = :release",
        "attribute_not_exists(#r) AND attribute_not_exists(#c)",
        Map.of("#c", CONFIRMED_AT, "#r", RELEASE_ID),
        releaseId,
        at);
  }

  private boolean update(
      String app,
      String var,
      String expression,
      String condition,
      Map<String, String> names,
      String releaseId,
      Instant at) {
    try {
      table
          .client()
          .updateItem(
              UpdateItemRequest.builder()
                  .tableName(table.name())
                  .key(Items.key(pk(app), VAR_PREFIX + var))
                  .updateExpression(expression)
                  .conditionExpression(condition)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(
                      Map.of(":at", Items.instant(at), ":release", Items.s(releaseId)))
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                  .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return e.hasItem()
          && Items.instant(at).equals(e.item().get(CONFIRMED_AT))
          && Items.s(releaseId).equals(e.item().get(RELEASE_ID));
    }
  }
}
