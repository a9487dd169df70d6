package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.LAST_ROTATED_SK;
import static dev.keyturn.state.dynamodb.Items.ROTATION_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SECRET_PREFIX;

import dev.keyturn.state.RotationRecord;
import dev.keyturn.state.RotationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code SECRET#<name> / ROTATION#<token>}: one rotation run, updated in place by each step; {@code
 * SECRET#<name> / LASTROTATED}: when the secret last completed a rotation.
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
    i.forEach((name, value) -> {
      if (name.startsWith(STEP_AT_PREFIX)) {
        times.put(name.substring(STEP_AT_PREFIX.length()), Instant.parse(value.s()));
      }
    });
    return new RotationRecord(
        secretName,
        token,
        Items.str(i, STEP),
        Items.str(i, STATUS),
        Items.instant(i, STARTED),
        Items.instant(i, UPDATED),
        times,
        Items.str(i, ERROR));
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
