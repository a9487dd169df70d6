package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.LAST_ROTATED_SK;
import static dev.keyturn.state.dynamodb.Items.ROTATION_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;

import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code SECRET#<name> / ROTATION#<token>}: one rotation run, updated in place by each step, then
 * by its life cycle ({@code lifecycle} = the stage, {@code lifecycleAt_<stage>} = when it was
 * reached; each move conditional on a lower stage, so it never goes back); {@code SECRET#<name> /
 * LASTROTATED}: when the secret last completed a rotation, its token and version.
 */
public final class DynamoRotationStore implements RotationStore {

  private static final String STEP = "step";
  private static final String STATUS = "status";
  private static final String STARTED = "startedAt";
  private static final String UPDATED = "updatedAt";
  private static final String STEP_AT_PREFIX = "at_";
  private static final String ERROR = "error";
  private static final String VERSION = "versionId";
  private static final String ROTATED_AT = "rotatedAt";
  private static final String TOKEN = "token";
  private static final String LIFECYCLE = "lifecycle";
  private static final String LIFECYCLE_AT_PREFIX = "lifecycleAt_";
  private static final String COMPLETED = "completed";

  private final StateTable table;

  public DynamoRotationStore(StateTable table) {
    this.table = table;
  }

  /** One UpdateItem per step: step times are top-level {@code at_<step>} attributes. */
  @Override
  public void recordStep(RotationRecord.StepUpdate u) {
    Map<String, String> names = new HashMap<>();
    names.put("#step", STEP);
    names.put("#status", STATUS);
    names.put("#started", STARTED);
    names.put("#updated", UPDATED);
    names.put("#error", ERROR);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":step", Items.s(u.step()));
    values.put(":status", Items.s(u.status()));
    values.put(":at", Items.instant(u.at()));
    StringBuilder set =
        new StringBuilder(
            "SET #step = :step, #status = :status, #updated = :at, "
                + "#started = if_not_exists(#started, :at)");
    if ("ok".equals(u.status())) {
      names.put("#stepAt", STEP_AT_PREFIX + u.step());
      set.append(", #stepAt = :at");
    }
    if (COMPLETED.equals(u.status())) {
      // the life cycle starts in the same write that records the completion
      names.put("#lc", LIFECYCLE);
      names.put("#lcAt", LIFECYCLE_AT_PREFIX + LifecycleStage.FINISHED.label());
      values.put(":finished", Items.s(LifecycleStage.FINISHED.label()));
      set.append(", #lc = if_not_exists(#lc, :finished), #lcAt = if_not_exists(#lcAt, :at)");
    }
    if (u.error() != null) {
      values.put(":error", Items.s(u.error()));
      set.append(", #error = :error");
    } else {
      set.append(" REMOVE #error");
    }
    update(
        SECRET_PREFIX + u.secretName(), ROTATION_PREFIX + u.token(), set.toString(), names, values);
  }

  private void update(
      String pk,
      String sk,
      String expression,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    table
        .client()
        .updateItem(
            UpdateItemRequest.builder()
                .tableName(table.name())
                .key(Items.key(pk, sk))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build());
  }

  @Override
  public Optional<RotationRecord> rotation(String secretName, String token) {
    return get(SECRET_PREFIX + secretName, ROTATION_PREFIX + token)
        .map(i -> toRecord(secretName, token, i));
  }

  private static RotationRecord toRecord(
      String secretName, String token, Map<String, AttributeValue> i) {
    Map<String, Instant> times = new HashMap<>();
    Map<LifecycleStage, Instant> stageTimes = new EnumMap<>(LifecycleStage.class);
    i.forEach((name, value) -> {
      if (name.startsWith(STEP_AT_PREFIX)) {
        times.put(name.substring(STEP_AT_PREFIX.length()), Instant.parse(value.s()));
      } else if (name.startsWith(LIFECYCLE_AT_PREFIX)) {
        stageTimes.put(
            LifecycleStage.of(name.substring(LIFECYCLE_AT_PREFIX.length())),
            Instant.parse(value.s()));
      }
    });
    String stage = Items.str(i, LIFECYCLE);
    return new RotationRecord(
        secretName,
        token,
        Items.str(i, STEP),
        Items.str(i, STATUS),
        Items.instant(i, STARTED),
        Items.instant(i, UPDATED),
        times,
        Items.str(i, ERROR),
        stage == null ? null : LifecycleStage.of(stage),
        stageTimes);
  }

  /**
   * One conditional UpdateItem: the run must be completed and at a lower stage (or none). A failed
   * condition returns the item, whose stage is the answer (a repeat of our own move finds it done).
   */
  @Override
  public Optional<LifecycleStage> advance(
      String secretName, String token, LifecycleStage stage, Instant at) {
    Map<String, String> names = new HashMap<>();
    names.put("#status", STATUS);
    names.put("#lc", LIFECYCLE);
    names.put("#lcAt", LIFECYCLE_AT_PREFIX + stage.label());
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":completed", Items.s(COMPLETED));
    values.put(":stage", Items.s(stage.label()));
    values.put(":at", Items.instant(at));
    List<String> lower = new ArrayList<>();
    for (LifecycleStage s : LifecycleStage.values()) {
      if (s.compareTo(stage) < 0) {
        values.put(":l" + s.ordinal(), Items.s(s.label()));
        lower.add(":l" + s.ordinal());
      }
    }
    String condition =
        "#status = :completed AND (attribute_not_exists(#lc)"
            + (lower.isEmpty() ? ")" : " OR #lc IN (" + String.join(", ", lower) + "))");
    try {
      table
          .client()
          .updateItem(
              UpdateItemRequest.builder()
                  .tableName(table.name())
                  .key(Items.key(SECRET_PREFIX + secretName, ROTATION_PREFIX + token))
                  .updateExpression("SET #lc = :stage, #lcAt = if_not_exists(#lcAt, :at)")
                  .conditionExpression(condition)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values)
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                  .build());
      return Optional.of(stage);
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.hasItem() ? refused.item() : Map.of();
      if (!COMPLETED.equals(Items.str(old, STATUS))) {
        return Optional.empty(); // no such run, or not completed: the life cycle has not begun
      }
      String held = Items.str(old, LIFECYCLE);
      return Optional.of(held == null ? stage : LifecycleStage.of(held));
    }
  }

  /** Two GetItems: the LASTROTATED item names the token, whose run is read next. */
  @Override
  public Optional<LastRotation> latest(String secretName) {
    Optional<Map<String, AttributeValue>> last = get(SECRET_PREFIX + secretName, LAST_ROTATED_SK);
    if (last.isEmpty() || Items.str(last.get(), TOKEN) == null) {
      return Optional.empty();
    }
    String token = Items.str(last.get(), TOKEN);
    String version = Items.str(last.get(), VERSION);
    return rotation(secretName, token).map(run -> new LastRotation(version, run));
  }

  @Override
  public void recordRotated(String secretName, String token, String versionId, Instant at) {
    Map<String, AttributeValue> item =
        new HashMap<>(Items.key(SECRET_PREFIX + secretName, LAST_ROTATED_SK));
    item.put(ROTATED_AT, Items.instant(at));
    item.put(VERSION, Items.s(versionId));
    item.put(TOKEN, Items.s(token));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }

  @Override
  public Optional<Instant> lastRotated(String secretName) {
    return get(SECRET_PREFIX + secretName, LAST_ROTATED_SK).map(i -> Items.instant(i, ROTATED_AT));
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                GetItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(pk, sk))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
