package dev.keyturn.inventory.parse;

import dev.keyturn.inventory.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one {@code sinks[]} item: exactly one of heroku, github, cloudflare or dotenv. */
final class SinkParser {

  private static final List<String> KINDS = List.of("heroku", "github", "cloudflare", "dotenv");
  private static final Set<String> COMMON = Set.of("var", "previousVar", "field", "env");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  /**
   * GitHub's secret name rules: letters, digits and underscores, not starting with a digit or
   * {@code GITHUB_} (GitHub answers 422 otherwise; lint says so before a sync tries).
   */
  private static final Pattern GITHUB_NAME = Pattern.compile("(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*");

  private SinkParser() {}

  static Sink sink(Fields f) {
    List<String> given = new ArrayList<>();
    for (String kind : KINDS) {
      if (f.has(kind)) {
        given.add(kind);
      }
    }
    if (given.size() != 1) {
      f.problem(
          f.path(),
          "needs exactly one of `heroku: {app, var}`, `github: {repo, environment?, var}`,"
              + " `cloudflare: {account, script, var}` or `dotenv: {file, var}`");
      return null;
    }
    f.allowOnly(Set.copyOf(KINDS));
    String kind = given.getFirst();
    Fields s = f.object(kind);
    if (s == null) {
      return null;
    }
    return switch (kind) {
      case "heroku" -> heroku(s);
      case "github" -> github(s);
      case "cloudflare" -> cloudflare(s);
      default -> dotenv(s);
    };
  }

  private static Sink heroku(Fields s) {
    s.allowOnly(with("app"));
    String app = s.requiredText("app");
    String var = s.requiredText("var");
    return app == null || var == null
        ? null
        : new Sink.Heroku(app, var, s.text("previousVar"), s.text("field"), s.text("env"));
  }

  private static Sink github(Fields s) {
    s.allowOnly(with("repo", "environment"));
    String repo = s.requiredText("repo");
    String var = s.requiredText("var");
    if (repo != null && !REPO.matcher(repo).matches()) {
      s.problem(s.child("repo"), "must be `owner/name`");
      return null;
    }
    for (String key : List.of("var", "previousVar")) {
      String name = s.text(key);
      if (name != null && !GITHUB_NAME.matcher(name).matches()) {
        s.problem(
            s.child(key),
            "GitHub secret names are upper-case letters, digits and _, not starting with a digit"
                + " or GITHUB_");
        return null;
      }
    }
    return repo == null || var == null
        ? null
        : new Sink.Github(
            repo,
            s.text("environment"),
            var,
            s.text("previousVar"),
            s.text("field"),
            s.text("env"));
  }

  private static Sink cloudflare(Fields s) {
    s.allowOnly(with("account", "script"));
    String account = s.requiredText("account");
    String script = s.requiredText("script");
    String var = s.requiredText("var");
    return account == null || script == null || var == null
        ? null
        : new Sink.Cloudflare(
            account, script, var, s.text("previousVar"), s.text("field"), s.text("env"));
  }

  private static Sink dotenv(Fields s) {
    s.allowOnly(with("file"));
    String file = s.requiredText("file");
    String var = s.requiredText("var");
    return file == null || var == null
        ? null
        : new Sink.Dotenv(file, var, s.text("field"), s.text("previousVar"), s.text("env"));
  }

  private static Set<String> with(String... keys) {
    Set<String> all = new java.util.TreeSet<>(COMMON);
    all.addAll(List.of(keys));
    return all;
  }
}
