package dev.keyturn.webhook.verify;

import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class SecretVersionsCache {

  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

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

    Entry(Candidates candidates, Instant staleAt) {
      this.candidates = candidates;
      this.staleAt = staleAt;
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
        entry.candidates = fresh;
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
    entry.candidates = fresh;
    entry.staleAt = now.plus(ttl);
    return changed(used, fresh);
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
