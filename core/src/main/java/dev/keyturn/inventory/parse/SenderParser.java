package dev.keyturn.inventory.parse;

import dev.keyturn.inventory.SenderBinding;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A webhook entry's {@code sender}: {@code {heroku: {app, webhookId}}} or {@code {github: {repo,
 * hookId}}}. Problems name the webhook source, so a finding says which entry to fix.
 */
final class SenderParser {

  private static final Set<String> KINDS = Set.of(SenderBinding.HEROKU, SenderBinding.GITHUB);
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  private SenderParser() {}

  /** The binding, or null when there is none or it is broken (the problems say why). */
  static SenderBinding sender(Fields webhook, String source) {
    Fields s = webhook.object("sender");
    if (s == null) {
      return null;
    }
    String entry = "webhook " + (source == null ? "(no source)" : source) + ": ";
    s.allowOnly(KINDS);
    boolean heroku = s.has(SenderBinding.HEROKU);
    boolean github = s.has(SenderBinding.GITHUB);
    if (heroku == github) {
      s.problem(
          s.path(),
          entry
              + (heroku ? "sender names both `heroku` and `github`" : "sender names no sender")
              + ": give exactly one of `heroku: {app, webhookId}` or `github: {repo, hookId}`");
      return null;
    }
    return heroku ? heroku(s.object(SenderBinding.HEROKU), entry) : github(s, entry);
  }

  private static SenderBinding heroku(Fields h, String entry) {
    if (h == null) {
      return null;
    }
    h.allowOnly(Set.of("app", "webhookId"));
    String app = required(h, "app", entry);
    String id = required(h, "webhookId", entry);
    if (id != null && !isUuid(id)) {
      h.problem(h.child("webhookId"), entry + "must be the app webhook's id (a UUID)");
      return null;
    }
    return app == null || id == null ? null : new SenderBinding.Heroku(app, id);
  }

  private static SenderBinding github(Fields s, String entry) {
    Fields g = s.object(SenderBinding.GITHUB);
    if (g == null) {
      return null;
    }
    g.allowOnly(Set.of("repo", "hookId"));
    String repo = required(g, "repo", entry);
    if (repo != null && !REPO.matcher(repo).matches()) {
      g.problem(g.child("repo"), entry + "must be `owner/name`");
      repo = null;
    }
    if (!g.has("hookId")) {
      g.problem(g.child("hookId"), entry + "is required");
      return null;
    }
    Long id = g.longInteger("hookId");
    if (id == null || id <= 0) {
      g.problem(g.child("hookId"), entry + "must be the hook's id (a positive whole number)");
      return null;
    }
    return repo == null ? null : new SenderBinding.Github(repo, id);
  }

  private static String required(Fields f, String key, String entry) {
    if (!f.has(key)) {
      f.problem(f.child(key), entry + "is required");
      return null;
    }
    return f.text(key);
  }

  private static boolean isUuid(String id) {
    try {
      return UUID.fromString(id).toString().equalsIgnoreCase(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
