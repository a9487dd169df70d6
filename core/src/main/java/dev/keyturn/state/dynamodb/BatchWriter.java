package dev.keyturn.state.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem in chunks of 25, retrying what DynamoDB leaves unprocessed, with backoff. */
final class BatchWriter {

  private static final int BATCH = 25;
  private static final int MAX_ATTEMPTS = 8;

  private final StateTable table;

  BatchWriter(StateTable table) {
    this.table = table;
  }

  void write(List<WriteRequest> writes) {
    for (int i = 0; i < writes.size(); i += BATCH) {
      send(writes.subList(i, Math.min(writes.size(), i + BATCH)));
    }
  }

  private void send(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table.name(), batch);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new StateWriteException(table.name(), "items left unprocessed after retries");
      }
      BatchWriteItemResponse response =
          table
              .client()
              .batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      if (!pending.isEmpty()) {
        sleep(attempt);
      }
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateWriteException("batch", "interrupted");
    }
  }
}
