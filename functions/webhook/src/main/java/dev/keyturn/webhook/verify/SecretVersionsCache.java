package dev.keyturn.webhook.verify;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live versions of webhook secrets, cached per container for a short time to live.
 *
 * <p>A signature that matches no cached version may be signed by a version created after the read
 * (a rotation in flight), so {@link #refreshAfterMismatch} re-reads once; to keep forged or stale
 * signatures from turning into a fetch storm it does so at most once per TTL per secret. When a
 * scheduled re-read fails, the previous versions keep serving (Secrets Manager being down also
 * stops rotations) and the next attempt waits {@link #RETRY_AFTER_FAILURE} — but only while they
 * were read less than {@code maxStale} ago: after that the cache fails closed ({@link
 * StaleSecretVersionsException}), because a version revoked meanwhile must not keep verifying.
 *
 * <p>Each secret also remembers the last {@link #RETIRED_KEPT} versions it served that have since
 * lost their labels (the life cycle evicted AWSPREVIOUS, {@code keyturn revoke} removed them, or a
 * second rotation pushed them out): never to verify with, only so that a delivery still signed with
 * one is told apart from a forgery ({@code STALE_SECRET}) without another read. In memory only: a
 * container that never served a version cannot recognise it.
 */
public final class SecretVersionsCache {

  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

  /** How many retired versions each secret remembers, newest first. */
  static final int RETIRED_KEPT = 2;

  private static final Logger log = LoggerFactory.getLogger(SecretVersionsCache.class);
  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final SecretSource secrets;
  private final Duration ttl;
  private final Duration maxStale;
  private final Map<Source, Entry> entries = new HashMap<>();

  private static final class Entry {
    Candidates candidates;
    Instant staleAt;
    Instant nextForcedRefreshAt = Instant.MIN;
    final Deque<SecretValue> retired = new ArrayDeque<>(RETIRED_KEPT + 1);

    Entry(Candidates candidates, Instant staleAt) {
      this.candidates = candidates;
      this.staleAt = staleAt;
    }

    /** Replaces the live versions; those that lost their labels become the newest retired. */
    void replace(Candidates fresh) {
      Set<String> live = new HashSet<>(fresh.versionIds());
      retired.removeIf(v -> live.contains(v.versionId()));
      for (SecretValue served : candidates.versions()) {
        if (!live.contains(served.versionId())) {
          retired.removeIf(v -> v.versionId().equals(served.versionId()));
          retired.addFirst(served);
        }
      }
      while (retired.size() > RETIRED_KEPT) {
        retired.removeLast();
      }
      candidates = fresh;
    }
  }

  /**
   * @param ttl how long versions are served before they are read again
   * @param maxStale the oldest read that may still verify when a re-read fails
   */
  public SecretVersionsCache(SecretSource secrets, Duration ttl, Duration maxStale) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    if (ttl.isNegative() || ttl.isZero() || !maxStale.isPositive()) {
      throw new IllegalArgumentException("secret TTL and max staleness must be positive");
    }
    this.ttl = ttl;
    this.maxStale = maxStale;
  }

  /**
   * The cached versions, read again when older than the TTL.
   *
   * @throws RuntimeException from the secret source when nothing is cached and the read fails
   * @throws StaleSecretVersionsException when the read fails and the cached versions are older than
   *     {@code maxStale}
   */
  public synchronized Candidates candidates(Source source, Instant now) {
    Entry entry = entries.get(source);
    if (entry != null && now.isBefore(entry.staleAt) && servable(entry, now)) {
      return entry.candidates;
    }
    try {
      Candidates fresh = read(source, now);
      if (entry == null) {
        entries.put(source, new Entry(fresh, now.plus(ttl)));
      } else {
        entry.replace(fresh);
        entry.staleAt = now.plus(ttl);
      }
      return fresh;
    } catch (RuntimeException e) {
      if (entry == null) {
        throw e;
      }
      if (!servable(entry, now)) {
        log.warn(
            "webhook secret re-read failed ({}); versions read at {} are too old, failing closed",
            e.getClass().getSimpleName(),
            entry.candidates.fetchedAt());
        throw new StaleSecretVersionsException(source.toString(), entry.candidates.fetchedAt(), e);
      }
      entry.staleAt = now.plus(RETRY_AFTER_FAILURE);
      log.warn(
          "webhook secret re-read failed ({}); serving the versions read at {}",
          e.getClass().getSimpleName(),
          entry.candidates.fetchedAt());
      return entry.candidates;
    }
  }

  /**
   * Newer versions than {@code used}, after a signature matched none of them: a read made since by
   * another request, or one fresh read if none happened within the last TTL.
   *
   * @return the newer versions, or empty when there are none or the refresh budget is spent
   * @throws RuntimeException from the secret source when the refresh read fails
   */
  public synchronized Optional<Candidates> refreshAfterMismatch(
      Source source, Candidates used, Instant now) {
    Entry entry = entries.get(source);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.candidates.generation() > used.generation()) {
      return changed(used, entry.candidates);
    }
    if (now.isBefore(entry.nextForcedRefreshAt)) {
      return Optional.empty();
    }
    entry.nextForcedRefreshAt = now.plus(ttl);
    Candidates fresh = read(source, now);
    entry.replace(fresh);
    entry.staleAt = now.plus(ttl);
    return changed(used, fresh);
  }

  /**
   * The versions of the secret this container served earlier that have since lost their labels,
   * newest first, at most {@link #RETIRED_KEPT}: to name why a delivery signed with one is refused,
   * never to accept it. No read: empty for a secret not cached or that never changed here.
   */
  public synchronized List<SecretValue> retiredVersions(Source source) {
    Entry entry = entries.get(source);
    return entry == null ? List.of() : List.copyOf(entry.retired);
  }

  private boolean servable(Entry entry, Instant now) {
    return now.isBefore(entry.candidates.fetchedAt().plus(maxStale));
  }

  private static Optional<Candidates> changed(Candidates used, Candidates now) {
    return now.versionIds().equals(used.versionIds()) ? Optional.empty() : Optional.of(now);
  }

  private Candidates read(Source source, Instant now) {
    List<SecretValue> versions =
        secrets.liveVersions(source).stream().filter(v -> v.value() != null).toList();
    return new Candidates(versions, now, GENERATIONS.incrementAndGet());
  }
}
