package dev.keyturn.cli.status;

import dev.keyturn.cli.status.EntryStatus.SinkStatus;
import dev.keyturn.cli.status.EntryStatus.SourceStatus;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Sink;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.refusal.UnconfirmedCheck;
import dev.keyturn.rotate.refusal.UnconfirmedRefusal;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.LastRotation;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.state.RetireTask;
import dev.keyturn.state.RetireTaskStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SyncStateStore;
import dev.keyturn.state.SyncStateStore.VarState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the status rows from the table (inventory, rotations, sync state) and source metadata. */
final class StatusReader {

  static final String IN_SYNC = "in-sync";
  static final String BEHIND = "behind";
  static final String NEVER_SYNCED = "never-synced";
  static final String SOURCE_MISSING = "source-missing";

  /** Worst first: the entry's drift is its worst sink's. */
  private static final List<String> SEVERITY =
      List.of(SOURCE_MISSING, BEHIND, NEVER_SYNCED, IN_SYNC);

  private final InventoryStore inventory;
  private final RotationStore rotations;
  private final RetireTaskStore retireTasks;
  private final SyncStateStore syncState;
  private final SourceStates sources;
  private final WebhookSenders senders;
  private final UnconfirmedCheck unconfirmed;
  private final Clock clock;
  private final Duration confirmDeadline;
  private final Map<String, Map<String, VarState>> varsByApp = new HashMap<>();

  StatusReader(
      InventoryStore inventory,
      RotationStore rotations,
      RetireTaskStore retireTasks,
      SyncStateStore syncState,
      SourceStates sources,
      WebhookSenders senders,
      UnconfirmedCheck unconfirmed,
      Clock clock,
      Duration confirmDeadline) {
    this.inventory = inventory;
    this.senders = senders;
    this.unconfirmed = unconfirmed;
    this.rotations = rotations;
    this.retireTasks = retireTasks;
    this.syncState = syncState;
    this.sources = sources;
    this.clock = clock;
    this.confirmDeadline = confirmDeadline;
  }

  List<EntryStatus> read(List<SecretEntry> entries) {
    Instant now = clock.instant();
    Map<Source, SourceStates.State> states =
        sources.read(entries.stream().map(SecretEntry::source).distinct().toList());
    Map<String, List<RetireTask>> tasks = new HashMap<>();
    retireTasks
        .open()
        .forEach(t -> tasks.computeIfAbsent(t.secretName(), n -> new ArrayList<>()).add(t));
    List<WebhookEntry> webhooks = inventory.webhooks();
    return entries.stream()
        .sorted(Comparator.comparing(SecretEntry::name))
        .map(e ->
            row(e, states.get(e.source()), tasks.getOrDefault(e.name(), List.of()), webhooks, now))
        .toList();
  }

  private EntryStatus row(
      SecretEntry e,
      SourceStates.State state,
      List<RetireTask> tasks,
      List<WebhookEntry> webhooks,
      Instant now) {
    String version = state == null ? null : state.version();
    List<SinkStatus> sinks = e.sinks().stream().map(s -> sink(s, state, version)).toList();
    List<EntryStatus.WebhookSourceStatus> hooks = senders.of(e, webhooks, version);
    Optional<LastRotation> latest = rotations.latest(e.name()); // life cycle and refusal share it
    String senderReason =
        hooks.isEmpty()
            ? null
            : WebhookSenders.refusal(
                e, webhooks, hooks, version, state != null && state.hasOlder(), now);
    String refusal = refusal(senderReason, e, latest, now);
    return new EntryStatus(
        e.name(),
        vendor(e.name()),
        e.mode().label(),
        e.tags().all(TagDimension.CONSUMER),
        new SourceStatus(kind(e.source()), e.source().id(), version, state != null),
        Schedule.rotation(
            e, rotations.lastRotated(e.name()), state == null ? null : state.changed(), now),
        inFlight(e, state),
        Schedule.expiry(e, now),
        sinks,
        worst(sinks),
        tasks.stream()
            .map(t ->
                new EntryStatus.RetireTaskStatus(
                    t.describe(), t.oldVersion(), t.newVersion(), t.dueBy(), t.overdue(now)))
            .toList(),
        lifecycle(latest, now),
        hooks,
        refusal);
  }

  /**
   * Why the next automatic rotation is refused, by each guard that would refuse it (the sender
   * guard's reason, then the unconfirmed-vendor-rotation guard's), or null. The reasons are the
   * guards' own, computed by the same checks.
   */
  private String refusal(
      String senderReason, SecretEntry e, Optional<LastRotation> latest, Instant now) {
    String vendorReason =
        unconfirmed
            .unconfirmed(e, latest)
            .map(last -> UnconfirmedRefusal.reason(last, now))
            .orElse(null);
    if (senderReason == null || vendorReason == null) {
      return senderReason != null ? senderReason : vendorReason;
    }
    return senderReason + "; also " + vendorReason;
  }

  /** The life cycle of the entry's last completed rotation (issue 11), or null without one. */
  private EntryStatus.LifecycleStatus lifecycle(Optional<LastRotation> latest, Instant now) {
    return latest
        .filter(last -> last.run().completed())
        .map(last -> {
          LifecycleStage stage = last.run().stage();
          Instant since = last.run().stageSince();
          return new EntryStatus.LifecycleStatus(
              stage == null ? LifecycleStage.FINISHED.label() : stage.label(),
              last.versionId(),
              since,
              since == null ? 0 : Duration.between(since, now).toSeconds(),
              last.run().stuck(now, confirmDeadline));
        })
        .orElse(null);
  }

  private EntryStatus.InFlight inFlight(SecretEntry e, SourceStates.State state) {
    if (state == null || state.pending() == null) {
      return null;
    }
    return rotations
        .rotation(e.name(), state.pending())
        .map(r -> new EntryStatus.InFlight(state.pending(), r.step(), r.status(), r.error()))
        .orElse(new EntryStatus.InFlight(state.pending(), null, null, null));
  }

  private SinkStatus sink(Sink sink, SourceStates.State state, String version) {
    return switch (sink) {
      case Sink.Dotenv d ->
          new SinkStatus("dotenv", d.file(), d.var(), null, null, null, null, null, null, null);
      default -> {
        // every remote kind keeps its state under its target key (a Heroku app: its name)
        VarState v = vars(sink.target()).get(sink.var());
        String drift =
            state == null
                ? SOURCE_MISSING
                : v == null
                    ? NEVER_SYNCED
                    : java.util.Objects.equals(version, v.sourceVersion()) ? IN_SYNC : BEHIND;
        yield v == null
            ? new SinkStatus(
                sink.kind(),
                sink.targetName(),
                sink.var(),
                null,
                null,
                null,
                null,
                null,
                drift,
                null)
            : new SinkStatus(
                sink.kind(),
                sink.targetName(),
                sink.var(),
                v.syncedAt(),
                v.releaseVersion(),
                v.releaseId(),
                v.confirmedAt(),
                v.sourceVersion(),
                drift,
                null);
      }
    };
  }

  private Map<String, VarState> vars(String app) {
    return varsByApp.computeIfAbsent(app, syncState::vars);
  }

  static String worst(List<SinkStatus> sinks) {
    return sinks.stream()
        .map(SinkStatus::drift)
        .filter(d -> d != null)
        .min(Comparator.comparingInt(SEVERITY::indexOf))
        .orElse(null);
  }

  static String vendor(String name) {
    int cut = name.indexOf('_');
    return cut > 0 ? name.substring(0, cut) : name;
  }

  static String kind(Source source) {
    return switch (source) {
      case Source.SecretsManager s -> "secrets-manager";
      case Source.SsmParameter p -> "ssm";
    };
  }

  /** Rows with {@code --check-heroku}'s answers filled in. */
  static List<EntryStatus> withHerokuMatches(
      List<EntryStatus> rows, Map<HerokuCheck.Key, Boolean> matches) {
    List<EntryStatus> out = new ArrayList<>();
    for (EntryStatus r : rows) {
      List<SinkStatus> sinks =
          r.sinks().stream()
              .map(s ->
                  "heroku".equals(s.kind())
                      ? s.withHerokuMatches(matches.get(new HerokuCheck.Key(s.target(), s.var())))
                      : s)
              .toList();
      out.add(
          new EntryStatus(
              r.name(),
              r.vendor(),
              r.mode(),
              r.consumers(),
              r.source(),
              r.rotation(),
              r.inFlight(),
              r.expiry(),
              sinks,
              r.drift(),
              r.retireTasks(),
              r.lifecycle(),
              r.webhooks(),
              r.refusal()));
    }
    return out;
  }
}
