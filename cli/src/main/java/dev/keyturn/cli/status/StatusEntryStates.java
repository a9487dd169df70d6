package dev.keyturn.cli.status;

import dev.keyturn.cli.common.CliContext;
import dev.keyturn.evidence.EntryStates;
import dev.keyturn.evidence.MatrixRow;
import dev.keyturn.evidence.SinkRow;
import dev.keyturn.inventory.Cadence;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.SinkKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evidence's view of each entry, read as {@code keyturn status} reads it (the table and the
 * sources' metadata, never a value). {@link #mode} is the entry's rotation mode, {@link #stage} its
 * rotation's life-cycle stage.
 */
public final class StatusEntryStates implements EntryStates {

  private final StatusReader reader;
  private final Clock clock;

  private StatusEntryStates(StatusReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  public static StatusEntryStates of(CliContext context) {
    return new StatusEntryStates(StatusWiring.reader(context), context.bean(Clock.class));
  }

  @Override
  public List<EntryState> read(List<SecretEntry> entries) {
    Map<String, SecretEntry> byName =
        entries.stream().collect(Collectors.toMap(SecretEntry::name, Function.identity()));
    Instant now = clock.instant();
    return reader.read(entries).stream()
        .map(s -> new EntryState(row(byName.get(s.name()), s, now), sinks(s)))
        .toList();
  }

  private static MatrixRow row(SecretEntry e, EntryStatus s, Instant now) {
    EntryStatus.RotationStatus r = s.rotation();
    Long cadenceDays =
        r.cadence() == null
            ? null
            : Cadence.fromTag(r.cadence())
                .flatMap(Cadence::interval)
                .map(Duration::toDays)
                .orElse(null);
    Long age = r.lastRotated() == null ? null : Duration.between(r.lastRotated(), now).toDays();
    return new MatrixRow(
        s.name(),
        mode(e),
        r.cadence(),
        cadenceDays,
        r.lastRotated(),
        r.lastRotatedBy(),
        r.nextDue(),
        r.due(),
        stage(s),
        age);
  }

  /** The entry's rotation mode (generated, vendor, operator, none), as `status` shows it. */
  static String mode(SecretEntry e) {
    return e.mode().label();
  }

  /**
   * {@code rotating} while a Secrets Manager rotation is unfinished (AWSPENDING on another
   * version); else the life-cycle stage of the last completed rotation ({@code finished}, {@code
   * published}, {@code confirmed}, {@code retired}); {@code active} for an entry keyturn never
   * rotated.
   */
  static String stage(EntryStatus s) {
    if (s.inFlight() != null) {
      return "rotating";
    }
    return s.lifecycle() == null ? "active" : s.lifecycle().stage();
  }

  private static List<SinkRow> sinks(EntryStatus s) {
    return s.sinks().stream()
        .map(k ->
            new SinkRow(
                s.name(),
                k.kind(),
                k.target(),
                k.var(),
                k.publishedVersion(),
                k.lastSync(),
                k.releaseVersion(),
                k.confirmedAt(),
                confirmation(k)))
        .toList();
  }

  /** Only Heroku confirms a publish (its release webhook); other kinds have no confirmation. */
  private static String confirmation(EntryStatus.SinkStatus k) {
    if (!SinkKey.HEROKU.equals(k.kind())) {
      return SinkRow.NOT_APPLICABLE;
    }
    if (k.publishedVersion() == null && k.lastSync() == null) {
      return SinkRow.NEVER_SYNCED;
    }
    return k.confirmedAt() != null ? SinkRow.CONFIRMED : SinkRow.UNCONFIRMED;
  }
}
