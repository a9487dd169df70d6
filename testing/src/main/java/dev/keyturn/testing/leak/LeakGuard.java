package dev.keyturn.testing.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Checks one window of the run for seeded secret values: the captured output since the previous
 * check, and every item of every table in DynamoDB Local. Windows tile the run, so no line goes
 * unchecked; a leak is blamed on the guarded class during which it happened (or, for output of an
 * unguarded class, on the next guarded one).
 */
public final class LeakGuard {

  private static final int MAX_REPORTED = 20;
  private static final AtomicLong CHECKED_UP_TO = new AtomicLong();

  private LeakGuard() {}

  /** Where the next check starts: the end of the previous one. */
  public static long windowStart() {
    return CHECKED_UP_TO.get();
  }

  /** Leaks in the output since {@code windowStart} and in every table; ends the window. */
  public static List<Leak> findLeaks(long windowStart, DynamoDbClient dynamoDb) {
    ConsoleTee.recordPartialLines();
    long end = CapturedOutput.cursor();
    SecretMatcher secrets = SecretMatcher.of(SeededSecrets.values());
    List<CapturedOutput.Entry> window =
        CapturedOutput.since(windowStart).stream().filter(e -> e.sequence() < end).toList();
    List<Leak> leaks = new ArrayList<>(OutputLeakScan.scan(window, secrets));
    if (!secrets.isEmpty()) {
      dynamoDb
          .listTablesPaginator()
          .tableNames()
          .forEach(table -> leaks.addAll(TableLeakScan.scan(dynamoDb, table, secrets)));
    }
    CHECKED_UP_TO.accumulateAndGet(end, Math::max);
    return leaks;
  }

  /** Fails with every location (never a value) when {@code leaks} is not empty. */
  public static void assertNoLeaks(String context, List<Leak> leaks) {
    if (leaks.isEmpty()) {
      return;
    }
    String locations =
        leaks.stream()
            .limit(MAX_REPORTED)
            .map(Leak::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    String more = leaks.size() > MAX_REPORTED ? "\n  ..." : "";
    throw new AssertionError(
        "a seeded secret value leaked ("
            + leaks.size()
            + " place(s)) by the end of "
            + context
            + "; checked: output since the previous guarded class, every DynamoDB Local table:"
            + locations
            + more);
  }
}
