package dev.keyturn.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyturn.testing.github.GithubState.Environment;
import dev.keyturn.testing.github.GithubState.Repo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What GitHub does for each Actions-secrets and environments operation keyturn uses. Webhook
 * operations are {@link GithubHooks}'; anything else in the description (organisation secrets) is
 * answered 501 and recorded as unsupported.
 */
final class GithubOperations {

  /** GitHub's rule for secret names (422 otherwise). */
  static final Pattern SECRET_NAME = Pattern.compile("(?i)(?!GITHUB_)[A-Z_][A-Z0-9_]*");

  private final ObjectMapper mapper = new ObjectMapper();
  private final GithubState state;
  private final GithubHooks hooks;
  private final String baseUrl;

  GithubOperations(GithubState state, String baseUrl) {
    this.state = state;
    this.baseUrl = baseUrl;
    this.hooks = new GithubHooks(state, baseUrl, mapper);
  }

  GithubResponse execute(
      GithubOperation op, List<String> raw, Map<String, String> query, JsonNode body) {
    List<String> p = raw.stream().map(IncomingCall::decode).toList();
    if (op.operationId().startsWith("repos/") && op.template().contains("/hooks")) {
      return hooks.execute(op.operationId(), repo(p), p, body);
    }
    return switch (op.operationId()) {
      case "actions/get-repo-public-key" -> publicKey(repo(p).secrets);
      case "actions/get-environment-public-key" -> publicKey(env(p).secrets());
      case "actions/list-repo-secrets" -> list(repo(p).secrets, query);
      case "actions/list-environment-secrets" -> list(env(p).secrets(), query);
      case "actions/get-repo-secret" -> get(repo(p).secrets, p.get(2));
      case "actions/get-environment-secret" -> get(env(p).secrets(), p.get(3));
      case "actions/create-or-update-repo-secret" -> put(repo(p).secrets, p.get(2), body);
      case "actions/create-or-update-environment-secret" -> put(env(p).secrets(), p.get(3), body);
      case "actions/delete-repo-secret" -> delete(repo(p).secrets, p.get(2));
      case "actions/delete-environment-secret" -> delete(env(p).secrets(), p.get(3));
      case "repos/get-environment" -> GithubResponse.of(200, environment(repo(p), env(p)));
      case "repos/create-or-update-environment" ->
          GithubResponse.of(200, environment(repo(p), state.createEnvironment(repo(p), p.get(2))));
      case "repos/delete-an-environment" -> {
        if (!state.deleteEnvironment(repo(p), p.get(2))) {
          throw GithubProblem.notFound();
        }
        yield GithubResponse.empty(204);
      }
      default -> throw GithubProblem.unsupported(op.operationId());
    };
  }

  private Repo repo(List<String> p) {
    return state.repo(p.get(0), p.get(1)).orElseThrow(GithubProblem::notFound);
  }

  private Environment env(List<String> p) {
    return state.environment(repo(p), p.get(2)).orElseThrow(GithubProblem::notFound);
  }

  private GithubResponse publicKey(SecretStore store) {
    ObjectNode key = mapper.createObjectNode();
    key.put("key_id", store.keyId());
    key.put("key", store.publicKeyBase64());
    return GithubResponse.of(200, key);
  }

  private GithubResponse list(SecretStore store, Map<String, String> query) {
    int perPage = Math.min(100, Math.max(1, parse(query.get("per_page"), 30)));
    int page = Math.max(1, parse(query.get("page"), 1));
    List<Map.Entry<String, SecretStore.Secret>> all = new ArrayList<>(store.all().entrySet());
    all.sort(Map.Entry.comparingByKey());
    ObjectNode out = mapper.createObjectNode();
    out.put("total_count", all.size());
    ArrayNode secrets = out.putArray("secrets");
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    for (Map.Entry<String, SecretStore.Secret> e : all.subList(from, to)) {
      secrets.add(secret(e.getKey(), e.getValue()));
    }
    if (to < all.size()) {
      String next =
          "<" + baseUrl + "?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"";
      return new GithubResponse(200, out, Map.of("Link", next));
    }
    return GithubResponse.of(200, out);
  }

  private GithubResponse get(SecretStore store, String name) {
    SecretStore.Secret s = store.get(name).orElseThrow(GithubProblem::notFound);
    return GithubResponse.of(200, secret(name.toUpperCase(java.util.Locale.ROOT), s));
  }

  private GithubResponse put(SecretStore store, String name, JsonNode body) {
    if (!SECRET_NAME.matcher(name).matches()) {
      throw GithubProblem.unprocessable(
          "Secret names can only contain alphanumeric characters or underscores, must not start"
              + " with a number or GITHUB_");
    }
    if (!store.keyId().equals(body.path("key_id").asText())) {
      throw GithubProblem.unprocessable("Bad request - key_id does not match the current key");
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(body.path("encrypted_value").asText());
    } catch (IllegalArgumentException notBase64) {
      throw GithubProblem.unprocessable("encrypted_value is not base64");
    }
    String value = store.open(sealed);
    if (value == null) {
      throw GithubProblem.unprocessable("Bad request - encrypted_value does not open with the key");
    }
    boolean created = store.put(name, value, state.now());
    return created ? GithubResponse.of(201, mapper.createObjectNode()) : GithubResponse.empty(204);
  }

  private GithubResponse delete(SecretStore store, String name) {
    if (!store.delete(name)) {
      throw GithubProblem.notFound();
    }
    return GithubResponse.empty(204);
  }

  private ObjectNode secret(String name, SecretStore.Secret s) {
    ObjectNode n = mapper.createObjectNode();
    n.put("name", name);
    n.put("created_at", s.createdAt().toString());
    n.put("updated_at", s.updatedAt().toString());
    return n;
  }

  private ObjectNode environment(Repo repo, Environment env) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", env.id());
    n.put(
        "node_id", "EN_" + Base64.getEncoder().encodeToString(Long.toString(env.id()).getBytes()));
    n.put("name", env.name());
    n.put("url", baseUrl + "/repos/" + repo.fullName + "/environments/" + env.name());
    n.put(
        "html_url",
        "https://github.com/"
            + repo.fullName
            + "/deployments/activity_log?environments_filter="
            + env.name());
    Instant at = env.createdAt();
    n.put("created_at", at.toString());
    n.put("updated_at", at.toString());
    n.putArray("protection_rules");
    n.putNull("deployment_branch_policy");
    return n;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
