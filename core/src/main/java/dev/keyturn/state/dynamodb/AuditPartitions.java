package dev.keyturn.state.dynamodb;

import static dev.keyturn.state.dynamodb.Items.AUDIT_PREFIX;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where audit items live. Events: {@code AUDIT#<yyyy-mm-dd>}, one partition per UTC day. Webhook
 * rejection tallies: {@code AUDIT#<yyyy-mm-dd>#<shard>}, the shard picked by the source's name, so
 * a flood against one source does not land in the day's event partition. Sort keys start with the
 * instant at a fixed width, so every partition sorts by time.
 */
final class AuditPartitions {

  /** Partitions per day for rejection tallies. */
  static final int SHARDS = 8;

  /**
   * {@code Instant.toString()} drops a zero fraction ({@code ...:00Z}), which sorts after {@code
   * ...:00.5Z}; this fixed width keeps order and {@code since} right within a second.
   */
  static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditPartitions() {}

  static String day(Instant at) {
    return AUDIT_PREFIX + at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  static String tallyPartition(String source, Instant minute) {
    return day(minute) + "#" + shard(source);
  }

  static String tallySortKey(String source, Instant minute) {
    return SORTABLE.format(minute) + "#rejections#" + source;
  }

  /** A day's event partition. */
  static String events(LocalDate day) {
    return AUDIT_PREFIX + day;
  }

  /** A day's tally partitions: the subject's shard, or every shard when there is no subject. */
  static List<String> tallies(LocalDate day, String subject) {
    List<String> out = new ArrayList<>();
    String events = events(day);
    if (subject != null) {
      out.add(events + "#" + shard(subject));
    } else {
      for (int shard = 0; shard < SHARDS; shard++) {
        out.add(events + "#" + shard);
      }
    }
    return out;
  }

  private static int shard(String source) {
    return Math.floorMod(source.hashCode(), SHARDS);
  }
}
