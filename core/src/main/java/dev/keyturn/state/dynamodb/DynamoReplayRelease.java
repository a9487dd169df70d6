package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.MSG_PREFIX;
import static dev.keyturn.state.dynamodb.Items.WEBHOOK_PREFIX;

import dev.keyturn.state.ReplayRelease;

/** Deletes the {@code WEBHOOK#<source> / MSG#<key>} item {@link DynamoReplayGuard} wrote. */
public final class DynamoReplayRelease implements ReplayRelease {

  private final StateTable table;

  public DynamoReplayRelease(StateTable table) {
    this.table = table;
  }

  @Override
  public void release(String source, String key) {
    table
        .client()
        .deleteItem(b ->
            b.tableName(table.name()).key(Items.key(WEBHOOK_PREFIX + source, MSG_PREFIX + key)));
  }
}
