package dev.keyturn.cli.audit;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code keyturn audit --follow}: polls the audit trail and hands on each event once, as it is
 * recorded. Each poll looks back {@link #LOOK_BACK} before the newest event shown, because writers'
 * clocks differ (rotate, sync and webhook each stamp their own events); events already shown are
 * remembered for that long and not shown again.
 */
final class AuditFollower {

  static final Duration LOOK_BACK = Duration.ofSeconds(30);

  private final AuditLog audit;
  private final Clock clock;
  private final String subject;
  private final Duration interval;
  private final Consumer<AuditEvent> show;
  private final Set<AuditEvent> shown = new HashSet<>();
  private Instant newest;

  /**
   * @param subject only events about this subject; null for all
   * @param show receives each new event, oldest first
   */
  AuditFollower(
      AuditLog audit, Clock clock, String subject, Duration interval, Consumer<AuditEvent> show) {
    this.audit = audit;
    this.clock = clock;
    this.subject = subject;
    this.interval = interval;
    this.show = show;
  }

  /** What the command already printed, so it is not printed again. */
  void alreadyShown(Instant from, List<AuditEvent> events) {
    newest = from;
    events.forEach(this::remember);
  }

  /**
   * Polls until {@code stopAfter} has passed (null: until the thread is interrupted, i.e. Ctrl-C).
   */
  void follow(Duration stopAfter) {
    Instant deadline = stopAfter == null ? null : clock.instant().plus(stopAfter);
    while (deadline == null || clock.instant().isBefore(deadline)) {
      if (!pause(deadline)) {
        return;
      }
      poll();
    }
  }

  /** One look for new events. */
  void poll() {
    List<AuditEvent> events = audit.since(newest.minus(LOOK_BACK), subject, AuditCommand.READ_CAP);
    for (AuditEvent event : events) {
      if (!shown.contains(event)) {
        show.accept(event);
        remember(event);
      }
    }
    Instant horizon = newest.minus(LOOK_BACK);
    shown.removeIf(e -> e.at().isBefore(horizon));
  }

  private void remember(AuditEvent event) {
    shown.add(event);
    if (event.at().isAfter(newest)) {
      newest = event.at();
    }
  }

  /** Sleeps one interval (less when the deadline is nearer); false when interrupted. */
  private boolean pause(Instant deadline) {
    Duration wait = interval;
    if (deadline != null) {
      Duration left = Duration.between(clock.instant(), deadline);
      wait = left.compareTo(wait) < 0 ? left : wait;
    }
    try {
      Thread.sleep(Math.max(0, wait.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
