package dev.keyturn.testing.heroku;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** What the stand-in's Heroku "knows": users, tokens, apps with config vars and releases. */
final class HerokuState {

  private final Map<String, HerokuUser> tokens = new HashMap<>();
  private final Map<String, AppRecord> appsByName = new LinkedHashMap<>();
  private final Map<UUID, OAuthAuthorization> authorizations = new LinkedHashMap<>();
  private final HerokuUser operator;
  private final String operatorToken;

  HerokuState(HerokuUser operator, String operatorToken) {
    this.operator = operator;
    this.operatorToken = operatorToken;
    tokens.put(operatorToken, operator);
  }

  HerokuUser operator() {
    return operator;
  }

  String operatorToken() {
    return operatorToken;
  }

  /** Back to a fresh account: only the operator and its token remain. */
  synchronized void reset() {
    appsByName.clear();
    authorizations.clear();
    tokens.clear();
    tokens.put(operatorToken, operator);
  }

  synchronized void registerToken(String token, HerokuUser user) {
    tokens.put(token, user);
  }

  synchronized void revokeToken(String token) {
    tokens.remove(token);
  }

  synchronized Optional<HerokuUser> userForToken(String token) {
    return Optional.ofNullable(tokens.get(token));
  }

  synchronized HerokuApp createApp(String name, Map<String, String> configVars) {
    if (appsByName.containsKey(name)) {
      throw new IllegalArgumentException("app already exists: " + name);
    }
    HerokuApp app = new HerokuApp(UUID.randomUUID(), name, now());
    AppRecord record = new AppRecord(app, new TreeMap<>(configVars));
    record.addRelease("Initial release", operator);
    appsByName.put(name, record);
    return app;
  }

  synchronized Optional<HerokuApp> app(String identity) {
    return find(identity).map(AppRecord::app);
  }

  synchronized Map<String, String> configVars(String appIdentity) {
    return Map.copyOf(require(appIdentity).configVars);
  }

  /** Applies a PATCH: non-null values set, nulls delete; always exactly one new release. */
  synchronized Release patchConfigVars(
      String appIdentity, Map<String, String> changes, HerokuUser user) {
    AppRecord record = require(appIdentity);
    List<String> set = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    changes.forEach((name, value) -> {
      if (value == null) {
        record.configVars.remove(name);
        removed.add(name);
      } else {
        record.configVars.put(name, value);
        set.add(name);
      }
    });
    return record.addRelease(ReleaseDescriptions.forConfigChange(set, removed), user);
  }

  synchronized List<Release> releases(String appIdentity) {
    AppRecord record = require(appIdentity);
    return record.releases.stream().map(entry -> record.view(entry)).toList();
  }

  synchronized Optional<Release> release(String appIdentity, String idOrVersion) {
    AppRecord record = require(appIdentity);
    return record.entry(idOrVersion).map(record::view);
  }

  synchronized Optional<Map<String, String>> configVarsAt(String appIdentity, String idOrVersion) {
    return require(appIdentity).entry(idOrVersion).map(ReleaseEntry::configVars);
  }

  synchronized OAuthAuthorization createAuthorization(
      String description, List<String> scope, HerokuUser user) {
    Instant now = now();
    OAuthAuthorization authorization =
        new OAuthAuthorization(
            UUID.randomUUID(), description, scope, UUID.randomUUID(), newToken(), user, now, now);
    authorizations.put(authorization.id(), authorization);
    tokens.put(authorization.accessToken(), user);
    return authorization;
  }

  synchronized Optional<OAuthAuthorization> authorization(UUID id) {
    return Optional.ofNullable(authorizations.get(id));
  }

  /** Every authorization of the user, oldest first. */
  synchronized List<OAuthAuthorization> authorizations(HerokuUser user) {
    return authorizations.values().stream().filter(a -> a.user().id().equals(user.id())).toList();
  }

  /** Deletes the authorization; its access token stops authenticating at once. */
  synchronized Optional<OAuthAuthorization> deleteAuthorization(UUID id) {
    OAuthAuthorization deleted = authorizations.remove(id);
    if (deleted != null) {
      tokens.remove(deleted.accessToken());
    }
    return Optional.ofNullable(deleted);
  }

  /** Issues a new access token for the authorization; the previous one stops authenticating. */
  synchronized Optional<OAuthAuthorization> regenerate(UUID id) {
    OAuthAuthorization previous = authorizations.get(id);
    if (previous == null) {
      return Optional.empty();
    }
    OAuthAuthorization next =
        new OAuthAuthorization(
            id,
            previous.description(),
            previous.scope(),
            UUID.randomUUID(),
            newToken(),
            previous.user(),
            previous.createdAt(),
            now());
    tokens.remove(previous.accessToken());
    tokens.put(next.accessToken(), next.user());
    authorizations.put(id, next);
    return Optional.of(next);
  }

  static String newToken() {
    return "HRKU-" + UUID.randomUUID().toString().replace("-", "");
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private AppRecord require(String identity) {
    return find(identity).orElseThrow(() -> ApiProblem.notFound("app"));
  }

  private Optional<AppRecord> find(String identity) {
    AppRecord byName = appsByName.get(identity);
    if (byName != null) {
      return Optional.of(byName);
    }
    return appsByName.values().stream()
        .filter(record -> record.app.id().toString().equals(identity))
        .findFirst();
  }

  private record ReleaseEntry(
      UUID id,
      int version,
      String description,
      Instant createdAt,
      HerokuUser user,
      Map<String, String> configVars) {}

  private static final class AppRecord {
    private final HerokuApp app;
    private final TreeMap<String, String> configVars;
    private final List<ReleaseEntry> releases = new ArrayList<>();

    private AppRecord(HerokuApp app, TreeMap<String, String> configVars) {
      this.app = app;
      this.configVars = configVars;
    }

    private HerokuApp app() {
      return app;
    }

    private Release addRelease(String description, HerokuUser user) {
      ReleaseEntry entry =
          new ReleaseEntry(
              UUID.randomUUID(),
              releases.size() + 1,
              description,
              now(),
              user,
              Map.copyOf(configVars));
      releases.add(entry);
      return view(entry);
    }

    private Optional<ReleaseEntry> entry(String idOrVersion) {
      return releases.stream()
          .filter(entry ->
              entry.id().toString().equals(idOrVersion)
                  || String.valueOf(entry.version()).equals(idOrVersion))
          .findFirst();
    }

    private Release view(ReleaseEntry entry) {
      boolean current = entry == releases.getLast();
      return new Release(
          entry.id(),
          entry.version(),
          entry.description(),
          entry.createdAt(),
          app,
          entry.user(),
          current);
    }
  }
}
