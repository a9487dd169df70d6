package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.PUSH_PREFIX;
import static dev.keyturn.state.dynamodb.Items.SENDER_PREFIX;

import dev.keyturn.state.SenderPush;
import dev.keyturn.state.SenderPushStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * {@code SENDER#<source> / PUSH#<versionId>} (a partition of its own, apart from the source's
 * webhook claims, so the rotate function's role writes no {@code WEBHOOK#} item): a secret version
 * pushed to the source's sender (secret name, target, time). Written once: the put is conditional
 * on the item being absent, so a repeat, the SDK's own included, keeps the first push's record.
 */
public final class DynamoSenderPushStore implements SenderPushStore {

  private static final String SECRET = "secretName";
  private static final String VERSION = "versionId";
  private static final String TARGET = "target";
  private static final String PUSHED_AT = "pushedAt";

  private final StateTable table;

  public DynamoSenderPushStore(StateTable table) {
    this.table = table;
  }

  @Override
  public Optional<SenderPush> push(String source, String versionId) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                GetItemRequest.builder()
                    .tableName(table.name())
                    .key(Items.key(SENDER_PREFIX + source, PUSH_PREFIX + versionId))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toPush(source, item));
  }

  @Override
  public void recordPush(SenderPush push) {
    Map<String, AttributeValue> item =
        new HashMap<>(Items.key(SENDER_PREFIX + push.source(), PUSH_PREFIX + push.versionId()));
    item.put(SECRET, Items.s(push.secretName()));
    item.put(VERSION, Items.s(push.versionId()));
    item.put(TARGET, Items.s(push.target()));
    item.put(PUSHED_AT, Items.instant(push.pushedAt()));
    WriteOnceItems.putOnce(table, item);
  }

  @Override
  public List<SenderPush> pushes(String source) {
    List<SenderPush> pushes = new ArrayList<>();
    WriteOnceItems.withPrefix(table, SENDER_PREFIX + source, PUSH_PREFIX)
        .forEach(i -> pushes.add(toPush(source, i)));
    pushes.sort(Comparator.comparing(SenderPush::pushedAt).reversed());
    return List.copyOf(pushes);
  }

  private static SenderPush toPush(String source, Map<String, AttributeValue> item) {
    return new SenderPush(
        source,
        Items.str(item, SECRET),
        Items.str(item, VERSION),
        Items.str(item, TARGET),
        Items.instant(item, PUSHED_AT));
  }
}
