package dev.keyturn.testing.github;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Repositories (by {@code owner/name}, case-insensitive as on GitHub), their environments, secrets
 * and webhooks, and the tokens that authenticate.
 */
final class GithubState {

  /** A repository: its own secrets, its environments', its webhooks. */
  static final class Repo {
    final long id;
    final String fullName;
    final SecretStore secrets;
    final Map<String, Environment> environments = new TreeMap<>();
    final Map<Long, Hook> hooks = new TreeMap<>();

    Repo(long id, String fullName) {
      this.id = id;
      this.fullName = fullName;
      this.secrets = new SecretStore(fullName);
    }
  }

  /** A deployment environment with its own secrets. */
  record Environment(long id, String name, Instant createdAt, SecretStore secrets) {}

  /** A repository webhook; {@code config} holds url, content_type, secret, insecure_ssl. */
  static final class Hook {
    final long id;
    final Instant createdAt;
    volatile Instant updatedAt;
    volatile boolean active;
    volatile java.util.List<String> events;
    final Map<String, Object> config = new ConcurrentHashMap<>();

    Hook(long id, Instant at) {
      this.id = id;
      this.createdAt = at;
      this.updatedAt = at;
    }
  }

  private final Map<String, Repo> repos = new ConcurrentHashMap<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final String defaultToken = "ghp_" + UUID.randomUUID().toString().replace("-", "");
  private final AtomicLong ids = new AtomicLong(1000);
  private final Clock clock;

  GithubState(Clock clock) {
    this.clock = clock;
    tokens.add(defaultToken);
  }

  /** Now, to the second: GitHub's timestamps have no fractions. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  String defaultToken() {
    return defaultToken;
  }

  boolean authenticates(String token) {
    return tokens.contains(token);
  }

  void registerToken(String token) {
    tokens.add(token);
  }

  void revokeToken(String token) {
    tokens.remove(token);
  }

  void reset() {
    repos.clear();
    tokens.clear();
    tokens.add(defaultToken);
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  Repo createRepo(String fullName) {
    return repos.computeIfAbsent(key(fullName), k -> new Repo(nextId(), fullName));
  }

  Optional<Repo> repo(String owner, String name) {
    return Optional.ofNullable(repos.get(key(owner + "/" + name)));
  }

  Environment createEnvironment(Repo repo, String name) {
    synchronized (repo) {
      return repo.environments.computeIfAbsent(
          name, n -> new Environment(nextId(), n, now(), new SecretStore(repo.fullName + "@" + n)));
    }
  }

  Optional<Environment> environment(Repo repo, String name) {
    synchronized (repo) {
      return Optional.ofNullable(repo.environments.get(name));
    }
  }

  boolean deleteEnvironment(Repo repo, String name) {
    synchronized (repo) {
      return repo.environments.remove(name) != null;
    }
  }

  private static String key(String fullName) {
    return fullName.toLowerCase(Locale.ROOT);
  }
}
