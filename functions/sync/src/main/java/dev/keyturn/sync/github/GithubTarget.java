package dev.keyturn.sync.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a GitHub sink publishes: a repository's Actions secrets, or one environment's. Parsed from
 * the target name {@code owner/repo} or {@code owner/repo@environment}.
 */
record GithubTarget(String repo, String environment) {

  static GithubTarget parse(String name) {
    int at = name.indexOf('@');
    return at < 0
        ? new GithubTarget(name, null)
        : new GithubTarget(name.substring(0, at), name.substring(at + 1));
  }

  /** {@code /repos/{owner}/{repo}/actions/secrets} or the environment's {@code .../secrets}. */
  String secretsPath() {
    String repoPath = "/repos/" + repo;
    return environment == null
        ? repoPath + "/actions/secrets"
        : repoPath + "/environments/" + segment(environment) + "/secrets";
  }

  /** One path segment, URL-encoded as GitHub asks (a slash in an environment name is %2F). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
